// The upload wizard: choose the dataset and the file, check the preview and the column mapping
// in the browser, upload with progress, and read what the server did.
import { useEffect, useMemo, useRef, useState } from 'react';
import { ApiError, useApi } from '../../api/client.ts';
import { ErrorState, Loading } from '../../components/Status.tsx';
import { useQuery } from '../../router.tsx';
import { findDataset } from '../../../../pipelines/datasets/index.ts';
import { fileMessages } from '../../../../pipelines/ingest/messages.ts';
import { DatasetList, Extract, ExtractList, SavedMappingList, request, uploadExtract, urls, type IngestSummary, type Upload } from './api.ts';
import { DatasetInfo } from './DatasetInfo.tsx';
import { readHead, sniffBinary, type DecodedHead } from './decode.ts';
import { FileDrop } from './FileDrop.tsx';
import { formatCount, formatWhen, plural } from './format.ts';
import { MappingTable } from './MappingTable.tsx';
import { mappingForServer, missingRequired, proposeMapping, sharedHeaders, unmatchedHeaders, type Mapping } from './match-columns.ts';
import { delimiterName, parsePreview, PREVIEW_ROWS, type Preview } from './parse-preview.ts';
import { PreviewTable } from './PreviewTable.tsx';
import { checkPreview, type CheckableColumn } from './preview-schema.ts';
import { ProblemsPanel } from './ProblemsPanel.tsx';
import { ResultSummary } from './ResultSummary.tsx';
import { SavedMappings } from './SavedMappings.tsx';
import { UploadProgress } from './UploadProgress.tsx';
import { useRequest } from './use-request.ts';
import './upload.css';

type FileState =
  | { kind: 'none' }
  | { kind: 'reading'; file: File }
  | { kind: 'refused'; file: File; message: string }
  /** `preview`: the first rows, shown; `checked`: every row read (the whole of a small file), checked. */
  | { kind: 'ready'; file: File; head: DecodedHead; preview: Preview; checked: Preview };

type Phase =
  | { kind: 'idle' }
  | { kind: 'uploading'; loaded: number; total: number }
  | { kind: 'done'; summary: IngestSummary; fileName: string; previous: Extract | null }
  | { kind: 'failed'; error: ApiError };

async function readFile(file: File): Promise<FileState> {
  const { head, bytes } = await readHead(file);
  if (file.size === 0) return { kind: 'refused', file, message: fileMessages.empty() };
  const binary = sniffBinary(bytes);
  if (binary) return { kind: 'refused', file, message: fileMessages[binary]() };
  const checked = parsePreview(head, head.truncated ? PREVIEW_ROWS : Infinity);
  if (checked.headers.length === 0) return { kind: 'refused', file, message: fileMessages.empty() };
  if (checked.headers.length < 2) return { kind: 'refused', file, message: fileMessages.notDelimited() };
  if (checked.rows.length === 0) return { kind: 'refused', file, message: fileMessages.headerOnly() };
  const shown = Math.min(PREVIEW_ROWS, checked.rows.length);
  const preview: Preview = {
    ...checked,
    rows: checked.rows.slice(0, shown),
    lines: checked.lines.slice(0, shown),
    ragged: checked.ragged.filter((r) => r.line <= checked.lines[shown - 1]),
    more: checked.more || checked.rows.length > shown,
  };
  return { kind: 'ready', file, head, preview, checked };
}

export function UploadPage() {
  const [query, setQuery] = useQuery();
  const datasets = useApi(urls.datasets, DatasetList);
  const extracts = useRequest(urls.extracts, ExtractList);
  const mappings = useRequest(urls.mappings, SavedMappingList);
  const datasetId = query.get('dataset') ?? '';
  const replace = query.get('replace') ?? '';
  const dataset = datasets.data?.find((d) => d.id === datasetId) ?? null;

  const [fileState, setFileState] = useState<FileState>({ kind: 'none' });
  const [chosenMapping, setChosenMapping] = useState('');
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [notice, setNotice] = useState('');
  const uploadRef = useRef<Upload | null>(null);
  const latestFile = useRef<File | null>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);

  const preview = fileState.kind === 'ready' ? fileState.preview : null;
  const checked = fileState.kind === 'ready' ? fileState.checked : null;
  const fileName = fileState.kind === 'none' ? '' : fileState.file.name;
  const saved = mappings.data?.find((m) => m.name === chosenMapping && m.dataset === datasetId) ?? null;

  // The proposed mapping, and the analyst's edits on top of it (forgotten when the proposal changes).
  const proposal = useMemo<Mapping | null>(
    () => (dataset && preview ? proposeMapping(dataset.columns, preview.headers, saved?.columns) : null),
    [dataset, preview, saved],
  );
  const [edits, setEdits] = useState<{ base: Mapping | null; values: Mapping }>({ base: null, values: {} });
  const mapping: Mapping | null = proposal ? { ...proposal, ...(edits.base === proposal ? edits.values : {}) } : null;
  // What the server will do with it: the chosen headers first, then names and aliases for the
  // rest, so a column set to "not in the file" whose header matches by name is still read.
  const effective: Mapping | null = useMemo(
    () => (dataset && preview && mapping ? proposeMapping(dataset.columns, preview.headers, mappingForServer(mapping)) : null),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [dataset, preview, proposal, edits],
  );

  const checkable = useMemo<CheckableColumn[]>(() => {
    if (!dataset) return [];
    const declared = findDataset(dataset.id);
    return dataset.columns.map((c) => ({ ...c, synonyms: declared?.columns.find((d) => d.name === c.name)?.synonyms }));
  }, [dataset]);
  const check = useMemo(
    () => (dataset && checked && effective ? checkPreview(checkable, dataset.key, checked, effective) : null),
    [checkable, dataset, checked, effective],
  );

  useEffect(() => {
    if (phase.kind === 'done') resultHeading.current?.focus();
  }, [phase]);
  useEffect(() => () => uploadRef.current?.abort(), []);

  if (datasets.status === 'loading') return <Loading what="datasets" />;
  if (datasets.status === 'error') return <ErrorState error={datasets.error} retry={datasets.retry} what="datasets" />;

  const chooseFile = (file: File) => {
    setPhase({ kind: 'idle' });
    setFileState({ kind: 'reading', file });
    latestFile.current = file;
    // Only the file chosen last may show its preview, however the reads finish.
    const show = (state: FileState) => {
      if (latestFile.current === file) setFileState(state);
    };
    readFile(file).then(show, (error: unknown) =>
      show({ kind: 'refused', file, message: `The browser could not read the file (${String(error)}). Choose it again.` }));
  };
  const chooseDataset = (id: string) => {
    setPhase({ kind: 'idle' });
    setChosenMapping('');
    setQuery({ dataset: id || null, replace: null }, { replace: true });
  };
  const editMapping = (column: string, header: string | null) => {
    const values = edits.base === proposal ? edits.values : {};
    setEdits({ base: proposal, values: { ...values, [column]: header } });
  };

  const loadedOfDataset = (extracts.data ?? []).filter((e) => e.dataset === datasetId && e.status === 'loaded');
  const replaceTarget = loadedOfDataset.find((e) => e.id === replace) ?? null;
  const missing = dataset && mapping ? missingRequired(dataset.columns, mapping) : [];
  const shared = mapping ? sharedHeaders(mapping) : new Map<string, string[]>();
  const unused = preview && effective ? unmatchedHeaders(preview.headers, effective) : [];
  const stillRead = dataset && mapping && effective ? dataset.columns.filter((c) => !mapping[c.name] && effective[c.name]) : [];
  const uploading = phase.kind === 'uploading';

  const startUpload = () => {
    if (fileState.kind !== 'ready' || !dataset || !mapping) return;
    if (missing.length) {
      setNotice(`Choose the header that holds ${missing.join(', ')} in step 4 first: without ${missing.length > 1 ? 'them' : 'it'} the server refuses the file.`);
      document.getElementById(`map-${missing[0]}`)?.focus();
      return;
    }
    setNotice('');
    const file = fileState.file;
    const upload = uploadExtract(
      { file, fileName: file.name, dataset: dataset.id, mapping: mappingForServer(mapping), replace: replaceTarget?.id ?? null },
      (p) => setPhase({ kind: 'uploading', ...p }),
    );
    uploadRef.current = upload;
    setPhase({ kind: 'uploading', loaded: 0, total: file.size });
    upload.done.then(
      async (summary) => {
        let previous: Extract | null = null;
        if (summary.status === 'duplicate' && summary.extractId) {
          previous = await request(urls.extract(summary.extractId), Extract).catch(() => null);
        }
        setPhase({ kind: 'done', summary, fileName: file.name, previous });
        if (summary.status === 'loaded') {
          extracts.reload();
          if (replaceTarget) setQuery({ replace: null }, { replace: true });
        }
      },
      (error: unknown) => setPhase({ kind: 'failed', error: error instanceof ApiError ? error : new ApiError('network', String(error)) }),
    );
  };
  const reset = () => {
    setPhase({ kind: 'idle' });
    setFileState({ kind: 'none' });
    latestFile.current = null;
    const input = document.getElementById('upload-file') as HTMLInputElement | null;
    if (input) {
      input.value = '';
      input.focus();
    }
  };

  return (
    <div className="upload-page">
      <h1>Upload an extract</h1>
      <p className="lead">
        Load a CSV extract from your trust's systems. Parity previews it here, matches its columns and shows which rows have
        problems before anything is sent; on upload, rows that cannot be loaded are kept in a quarantine with the reason.
      </p>

      <section className="panel step" aria-labelledby="step-dataset">
        <h2 id="step-dataset"><span className="step-number">1</span> Choose the dataset</h2>
        <div className="field">
          <label htmlFor="upload-dataset">Dataset</label>
          <select id="upload-dataset" value={datasetId} onChange={(event) => chooseDataset(event.target.value)} disabled={uploading}>
            <option value="">Choose a dataset…</option>
            {datasets.data.map((d) => (
              <option key={d.id} value={d.id}>
                {d.title} ({d.id})
              </option>
            ))}
          </select>
        </div>
        {datasetId && !dataset && <p className="field-error" role="alert">There is no dataset "{datasetId}". Choose one from the list.</p>}
        {dataset && <DatasetInfo dataset={dataset} />}
        {dataset && (
          <div className="field replace-field">
            <label htmlFor="upload-replace">Replace an existing extract</label>
            <select
              id="upload-replace"
              value={replaceTarget?.id ?? ''}
              onChange={(event) => setQuery({ replace: event.target.value || null }, { replace: true })}
              aria-describedby="upload-replace-hint"
              disabled={uploading}
            >
              <option value="">No — load as a new extract</option>
              {loadedOfDataset.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.fileName} — {e.id}, loaded {formatWhen(e.uploadedAt)} ({plural(e.rowsLoaded, 'row')})
                </option>
              ))}
            </select>
            <span id="upload-replace-hint" className="hint">
              {replaceTarget
                ? `On upload, the ${formatCount(replaceTarget.rowsLoaded)} rows of ${replaceTarget.fileName} are removed and the new file's rows loaded, in one step.`
                : loadedOfDataset.length
                  ? 'To correct an extract you loaded before, choose it here: its rows are swapped for the new file’s in one step, so nothing is counted twice.'
                  : extracts.status === 'error'
                    ? 'The loaded extracts could not be listed, so none can be chosen for replacement.'
                    : 'No extract of this dataset is loaded yet.'}
            </span>
            {replace && !replaceTarget && extracts.status === 'ok' && (
              <p className="field-error" role="alert">
                Extract {replace} is not a loaded {dataset.id} extract (it may have been replaced or deleted); this file will be loaded as a new extract.
              </p>
            )}
          </div>
        )}
      </section>

      <section className="panel step" aria-labelledby="step-file">
        <h2 id="step-file"><span className="step-number">2</span> Choose the file</h2>
        <FileDrop file={fileState.kind === 'none' ? null : fileState.file} onFile={chooseFile} disabled={uploading} />
        {fileState.kind === 'reading' && <Loading what="the preview" />}
        {fileState.kind === 'refused' && (
          <div className="status status-error" role="alert">
            <h3 className="status-title">This file cannot be loaded</h3>
            <p>{fileState.message}</p>
          </div>
        )}
        {fileState.kind === 'ready' && (
          <p className="file-facts">
            Read as <strong>{fileState.head.encoding === 'utf-8' ? 'UTF-8' : 'Windows-1252'}</strong>
            {fileState.head.hadBom ? ' (with a byte-order mark)' : ''}, {delimiterName(fileState.preview.delimiter)}-separated,{' '}
            {plural(fileState.preview.headers.length, 'column')}.
          </p>
        )}
      </section>

      {preview && !dataset && (
        <p className="callout">Choose the dataset in step 1 to see how the columns match and which rows have problems.</p>
      )}

      {preview && dataset && mapping && check && (
        <>
          <section className="panel step" aria-labelledby="step-preview">
            <h2 id="step-preview"><span className="step-number">3</span> Preview</h2>
            {checked && checked.ragged.length > 0 && (
              <p className="callout callout-warning">
                {plural(checked.ragged.length, 'line')} ({checked.ragged.slice(0, 20).map((r) => r.line).join(', ')}{checked.ragged.length > 20 ? ', …' : ''}){' '}
                {checked.ragged.length > 1 ? 'have' : 'has'} a different number of fields from the header: the server quarantines such rows.
              </p>
            )}
            <PreviewTable preview={preview} mapping={effective ?? mapping} problems={check.problems} />
          </section>

          <section className="panel step" aria-labelledby="step-mapping">
            <h2 id="step-mapping"><span className="step-number">4</span> Match the columns</h2>
            <p>
              Parity matched your headers by name, ignoring case and punctuation, and by the other names trusts use. Change any that are wrong.
            </p>
            <SavedMappings
              dataset={dataset.id}
              saved={mappings.data ?? []}
              chosen={chosenMapping}
              current={mappingForServer(mapping)}
              onChoose={setChosenMapping}
              onSaved={(m) => {
                mappings.reload();
                setChosenMapping(m.name);
              }}
            />
            {missing.length > 0 && (
              <p className="field-error missing-required" role="alert">
                Required column{missing.length > 1 ? 's' : ''} with no header: {missing.join(', ')}. Choose the header that holds {missing.length > 1 ? 'each' : 'it'} below, or the server will refuse the file.
              </p>
            )}
            {shared.size > 0 && (
              <p className="callout callout-warning" role="status">
                {[...shared].map(([header, cols]) => `"${header}" is chosen for ${cols.join(' and ')}`).join('; ')}. Each header should hold one column.
              </p>
            )}
            {stillRead.length > 0 && (
              <p className="callout callout-warning" role="status">
                {stillRead.map((c) => `"${effective?.[c.name]}" will still be read as ${c.name}`).join('; ')}: the server matches a header by its name
                even when it is not chosen here. To leave {stillRead.length > 1 ? 'them' : 'it'} out, remove or rename that column in the file.
              </p>
            )}
            <MappingTable columns={dataset.columns} headers={preview.headers} mapping={mapping} firstRow={preview.rows[0]} onChange={editMapping} />
            <p className="unmatched">
              {unused.length
                ? <>Headers not used (ignored on load): {unused.map((h, i) => <span key={i}>{i > 0 && ', '}<q>{h}</q></span>)}.</>
                : 'Every header of the file is used.'}
            </p>
          </section>

          <section className="panel step" aria-labelledby="step-check">
            <h2 id="step-check"><span className="step-number">5</span> Check before upload</h2>
            <ProblemsPanel problems={check.problems} quarantined={check.quarantined} rowsChecked={checked?.rows.length ?? 0} more={checked?.more ?? false} />
          </section>

          <section className="panel step" aria-labelledby="step-upload">
            <h2 id="step-upload"><span className="step-number">6</span> Upload</h2>
            {phase.kind !== 'uploading' && phase.kind !== 'done' && (
              <>
                <p>
                  {replaceTarget
                    ? <>Upload <strong>{fileName}</strong> to replace <strong>{replaceTarget.fileName}</strong> ({replaceTarget.id}).</>
                    : <>Upload <strong>{fileName}</strong> as a new {dataset.title.toLowerCase()} extract.</>}
                </p>
                <button type="button" className="button" onClick={startUpload}>
                  {replaceTarget ? 'Upload and replace' : 'Upload'}
                </button>
              </>
            )}
            <p className="field-error" role="alert">{notice}</p>
            {phase.kind === 'uploading' && (
              <UploadProgress fileName={fileName} loaded={phase.loaded} total={phase.total} onCancel={() => uploadRef.current?.abort()} />
            )}
            {phase.kind === 'failed' && (
              <div className="status status-error" role="alert">
                <h3 className="status-title">The upload did not complete</h3>
                <p>{phase.error.message}</p>
                <button type="button" className="button" onClick={startUpload}>Try again</button>
              </div>
            )}
            {phase.kind === 'done' && (
              <>
                <ResultSummary ref={resultHeading} summary={phase.summary} fileName={phase.fileName} previous={phase.previous} />
                <button type="button" className="button button-secondary" onClick={reset}>Upload another file</button>
              </>
            )}
          </section>
        </>
      )}
    </div>
  );
}
