export function UploadPage() {
  return (
    <>
      <h1>Upload an extract</h1>
      <p>The upload wizard is not available in this build yet. Load extracts from the command line with <code>npx parity ingest FILE --dataset ID</code>.</p>
    </>
  );
}
