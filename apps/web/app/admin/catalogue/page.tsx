import { CatalogueClient } from './catalogue-client';

export default function CataloguePage() {
  return <CatalogueClient />;
}
