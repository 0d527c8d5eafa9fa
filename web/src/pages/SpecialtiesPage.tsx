export function SpecialtiesPage() {
  return <h1>Specialties</h1>;
}
