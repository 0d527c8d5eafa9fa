export function ExtractsPage() {
  return (
    <>
      <h1>Loaded extracts</h1>
      <p>The list of loaded extracts is not available in this build yet. The API lists them at <code>/api/extracts</code>.</p>
    </>
  );
}
