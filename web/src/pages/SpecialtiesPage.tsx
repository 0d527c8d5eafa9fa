// `/specialties?q=` — the treatment functions seen in the extracts, busiest first, searchable.
import { useEffect, useState } from 'react';
import { apiUrl, useApi } from '../api/client.ts';
import { SpecialtyList } from '../../../core/contracts/results.ts';
import { specialtyMatches } from '../../../core/codes/specialty-search.ts';
import { DataTable } from '../components/DataTable.tsx';
import { Empty, ErrorState, Loading } from '../components/Status.tsx';
import { formatCount } from '../../../core/text/format.ts';
import { Link, useQuery } from '../router.tsx';

export function SpecialtiesPage() {
  const [query, setQuery] = useQuery();
  const q = query.get('q') ?? '';
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);
  const state = useApi(apiUrl('specialties'), SpecialtyList);
  const shown = state.status === 'ok' ? state.data.specialties.filter((s) => specialtyMatches(text, s)) : [];
  return (
    <>
      <h1>Specialties</h1>
      <p className="lead">
        Waits, did-not-attend rates, virtual appointments and admissions for one specialty (treatment function), broken
        down by ethnicity, deprivation, age and sex, and placed among the other specialties.
      </p>
      <div className="filters" role="search">
        <div className="field">
          <label htmlFor="specialty-search">Find a specialty</label>
          <span className="hint" id="specialty-search-hint">
            Name, abbreviation or treatment function code, for example “Cardiology”, “T&O”, “ENT” or “320”
          </span>
          <input
            id="specialty-search"
            type="search"
            aria-describedby="specialty-search-hint"
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setQuery({ q: e.target.value || null }, { replace: true });
            }}
          />
        </div>
      </div>
      {state.status === 'loading' && <Loading what="specialties" />}
      {state.status === 'error' && <ErrorState error={state.error} retry={state.retry} what="list of specialties" />}
      {state.status === 'ok' && state.data.specialties.length === 0 && (
        <Empty title="No specialties yet">
          <p>
            Specialties come from the treatment function codes in outpatient, admission and waiting-list extracts. Load one of
            them on the <Link href="/upload">Upload</Link> page.
          </p>
        </Empty>
      )}
      {state.status === 'ok' && state.data.specialties.length > 0 && (
        <>
          <p aria-live="polite" className="muted">
            {shown.length === state.data.specialties.length
              ? `${shown.length} specialties, busiest first.`
              : `${shown.length} of ${state.data.specialties.length} specialties match “${text.trim()}”.`}
          </p>
          {shown.length > 0 ? (
            <DataTable
              caption="Specialties by activity (outpatient appointments, admissions and open pathways on the latest waiting list)"
              rows={shown}
              rowKey={(s) => s.code}
              columns={[
                { header: 'Specialty', cell: (s) => <Link href={`/specialties/${encodeURIComponent(s.code)}`}>{s.name}</Link>, rowHeader: true },
                { header: 'Treatment function code', cell: (s) => s.code },
                { header: 'Activity', cell: (s) => formatCount(s.activity), numeric: true },
              ]}
            />
          ) : (
            <p>No specialty matches. Try part of the name, a common abbreviation (ENT, T&amp;O, ObGyn, A&amp;E), or the three-character code.</p>
          )}
        </>
      )}
    </>
  );
}
