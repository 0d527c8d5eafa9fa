export function CompletenessPage() {
  return <h1>Completeness</h1>;
}
