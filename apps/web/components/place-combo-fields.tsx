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
      <Field id="districtId" label={t.fields.district} error={errors.districtId?.message}>
        {(a) => (
          <Controller
            control={control}
            name={'districtId' as Path<F>}
            render={({ field }) => (
              <OptionCombobox
                inputId={a.id}
                invalid={a['aria-invalid']}
                describedBy={a['aria-describedby']}
                options={asOptions(districts, name)}
                value={typeof field.value === 'number' ? field.value : undefined}
                onChange={(v) => {
                  field.onChange(v);
                  onDistrictChange(v);
                }}
              />
            )}
          />
        )}
      </Field>
      <Field id="streetId" label={t.fields.street} error={errors.streetId?.message}>
        {(a) => (
          <Controller
            control={control}
            name={'streetId' as Path<F>}
            render={({ field }) => (
              <OptionCombobox
                inputId={a.id}
                invalid={a['aria-invalid']}
                describedBy={a['aria-describedby']}
                options={asOptions(streets, name)}
                value={typeof field.value === 'number' ? field.value : undefined}
                onChange={(v) => field.onChange(v)}
              />
            )}
          />
        )}
      </Field>
    </div>
  );
}
