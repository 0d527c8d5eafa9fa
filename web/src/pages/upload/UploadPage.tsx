// The upload wizard: choose the dataset and the file, check the preview and the column mapping
// in the browser, upload with progress, and read what the server did.
import { useEffect, useMemo, useRef, useState } from 'react';
import { ApiError, useApi } from '../../api/client.ts';
import { ErrorState, Loading } from '../../components/Status.tsx';
import { useQuery } from '../../router.tsx';
import { findDataset } from '../../../../core/datasets/index.ts';
import { DatasetList, Extract, ExtractList, SavedMappingList, request, uploadExtract, urls, type IngestSummary, type Upload } from './api.ts';
import { DatasetStep } from './DatasetStep.tsx';
import { FileDrop } from './FileDrop.tsx';
import { plural } from './format.ts';
import { MappingStep } from './MappingStep.tsx';
import { mappingForServer, missingRequired, proposeMapping, proposeTimes, type Mapping, type MatchableColumn, type Times } from './match-columns.ts';
import { delimiterName } from './parse-preview.ts';
import { PreviewTable } from './PreviewTable.tsx';
import { checkPreview, type CheckableColumn } from './preview-schema.ts';
import { ProblemsPanel } from './ProblemsPanel.tsx';
import { readFile, type FileState } from './read-file.ts';
import { ResultSummary } from './ResultSummary.tsx';
import { UploadProgress } from './UploadProgress.tsx';
import { useRequest } from './use-request.ts';
import './upload.css';

type Phase =
  | { kind: 'idle' }
  | { kind: 'uploading'; loaded: number; total: number }
  | { kind: 'done'; summary: IngestSummary; fileName: string; previous: Extract | null }
  | { kind: 'failed'; error: ApiError };

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

  // The dataset's columns with their declared date + time pairs (core/datasets).
  const columns = useMemo<MatchableColumn[]>(() => {
    if (!dataset) return [];
    const declared = findDataset(dataset.id);
    return dataset.columns.map((c) => ({ ...c, dateTimePairs: declared?.columns.find((d) => d.name === c.name)?.dateTimePairs }));
  }, [dataset]);
  // The proposed mapping, and the analyst's edits on top of it (forgotten when the proposal changes).
  const proposal = useMemo<{ mapping: Mapping; times: Times } | null>(() => {
    if (!dataset || !preview) return null;
    const proposed = proposeMapping(columns, preview.headers, saved?.columns);
    return { mapping: proposed, times: proposeTimes(columns, preview.headers, proposed, saved?.columns) };
  }, [dataset, columns, preview, saved]);
  const [edits, setEdits] = useState<{ base: typeof proposal; values: Mapping; times: Times }>({ base: null, values: {}, times: {} });
  const own = edits.base === proposal ? edits : { values: {}, times: {} };
  const mapping: Mapping | null = proposal ? { ...proposal.mapping, ...own.values } : null;
  const times: Times = proposal ? { ...proposal.times, ...own.times } : {};
  // What the server will do with it: the chosen headers first, then names and aliases for the
  // rest, so a column set to "not in the file" whose header matches by name is still read.
  const effective: Mapping | null = useMemo(
    () => (dataset && preview && mapping ? proposeMapping(columns, preview.headers, mappingForServer(mapping, times)) : null),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [dataset, preview, proposal, edits],
  );

  const checkable = useMemo<CheckableColumn[]>(() => {
    if (!dataset) return [];
    const declared = findDataset(dataset.id);
    return dataset.columns.map((c) => {
      const own = declared?.columns.find((d) => d.name === c.name);
      return { ...c, synonyms: own?.synonyms, rejectInvalid: own?.rejectInvalid };
    });
  }, [dataset]);
  const check = useMemo(
    () => (dataset && checked && effective ? checkPreview(checkable, dataset.key, checked, effective, undefined, times) : null),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [checkable, dataset, checked, effective, proposal, edits],
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
  // An edit clears the notice of a refused upload: the page says again what is still missing.
  const editMapping = (column: string, header: string | null) => {
    setNotice('');
    setEdits({ base: proposal, values: { ...own.values, [column]: header }, times: own.times });
  };
  const editTime = (column: string, header: string | null) => {
    setNotice('');
    setEdits({ base: proposal, values: own.values, times: { ...own.times, [column]: header } });
  };

  const loadedOfDataset = (extracts.data ?? []).filter((e) => e.dataset === datasetId && e.status === 'loaded');
  const replaceTarget = loadedOfDataset.find((e) => e.id === replace) ?? null;
  const missing = dataset && mapping ? missingRequired(dataset.columns, mapping) : [];
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
      { file, fileName: file.name, dataset: dataset.id, mapping: mappingForServer(mapping, times, saved?.columns), replace: replaceTarget?.id ?? null },
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

      <DatasetStep
        datasets={datasets.data}
        datasetId={datasetId}
        replace={replace}
        extracts={extracts.status === 'ok' ? extracts.data : extracts.status === 'error' ? null : undefined}
        disabled={uploading}
        onDataset={chooseDataset}
        onReplace={(id) => setQuery({ replace: id || null }, { replace: true })}
      />

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
            {fileState.preview.preamble > 0 && (
              <span data-testid="preamble"> The header row is line {fileState.preview.preamble + 1}: {plural(fileState.preview.preamble, 'line')} of report title above it {fileState.preview.preamble === 1 ? 'is' : 'are'} skipped.</span>
            )}
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

          <MappingStep
            dataset={dataset}
            preview={preview}
            mapping={mapping}
            times={times}
            effective={effective ?? mapping}
            saved={mappings.data ?? []}
            chosenMapping={chosenMapping}
            onChooseMapping={setChosenMapping}
            onSavedMapping={(m) => {
              mappings.reload();
              setChosenMapping(m.name);
            }}
            onEdit={editMapping}
            onEditTime={editTime}
          />

          <section className="panel step" aria-labelledby="step-check">
            <h2 id="step-check"><span className="step-number">5</span> Check before upload</h2>
            <ProblemsPanel missing={missing} problems={check.problems} quarantined={check.quarantined} rowsChecked={checked?.rows.length ?? 0} more={checked?.more ?? false} />
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
            <p className="field-error" role="alert">{missing.length ? notice : ''}</p>
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
