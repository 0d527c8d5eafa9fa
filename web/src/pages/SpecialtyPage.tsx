export function SpecialtyPage() {
  return <h1>Specialty</h1>;
}
