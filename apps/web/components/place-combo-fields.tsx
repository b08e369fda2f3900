'use client';

import { Controller, type Control, type FieldValues, type Path } from 'react-hook-form';
import { useI18n, useLocalName } from '@/lib/i18n/client';
import type { District } from '@/lib/api-types';
import { Field } from './field';
import { OptionCombobox, type ComboOption } from './option-combobox';

const asOptions = (
  items: readonly Pick<District, 'id' | 'code' | 'nameZh' | 'nameEn'>[],
  name: (o: { nameZh: string; nameEn: string }) => string,
) => items.map<ComboOption>((i) => ({ value: i.id, label: name(i), keys: [i.nameZh, i.nameEn, i.code ?? ''] }));

/**
 * District then street as type-ahead boxes bound to a react-hook-form (staff intake, where the
 * keyboard rules); choosing another district drops a street that is not in it. The citizen
 * form keeps the native selects (PlaceFields), which phones show as their own pickers.
 */
export function PlaceComboFields<F extends FieldValues, C, T>({
  control,
  districts,
  districtId,
  errors,
  onDistrictChange,
}: {
  control: Control<F, C, T>;
  districts: readonly District[];
  districtId: number | undefined;
  errors: { districtId?: { message?: string }; streetId?: { message?: string } };
  onDistrictChange: (id: number | undefined) => void;
}) {
  const { t } = useI18n();
  const name = useLocalName();
  const streets = districts.find((d) => d.id === districtId)?.streets ?? [];
  return (
    <div className="row">
      {(
        [
          ['districtId', t.fields.district, asOptions(districts, name), onDistrictChange],
          ['streetId', t.fields.street, asOptions(streets, name), undefined],
        ] as const
      ).map(([id, label, options, onChange]) => (
        <ComboField
          key={id}
          id={id}
          label={label}
          error={errors[id]?.message}
          control={control}
          options={options}
          onChange={onChange}
        />
      ))}
    </div>
  );
}

/** One type-ahead box bound to the form field named like its id (districtId, streetId). */
function ComboField<F extends FieldValues, C, T>({
  id,
  label,
  error,
  control,
  options,
  onChange,
}: {
  id: 'districtId' | 'streetId';
  label: string;
  error: string | undefined;
  control: Control<F, C, T>;
  options: ComboOption[];
  onChange?: (id: number | undefined) => void;
}) {
  return (
    <Field id={id} label={label} error={error}>
      {(a) => (
        <Controller
          control={control}
          name={id as Path<F>}
          render={({ field }) => (
            <OptionCombobox
              inputId={a.id}
              invalid={a['aria-invalid']}
              describedBy={a['aria-describedby']}
              options={options}
              value={typeof field.value === 'number' ? field.value : undefined}
              onChange={(v) => {
                field.onChange(v);
                onChange?.(v);
              }}
            />
          )}
        />
      )}
    </Field>
  );
}
