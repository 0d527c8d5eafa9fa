// Routes. Every page is its own chunk (React.lazy), so the overview downloads only itself.
import { lazy, Suspense, useEffect, type ComponentType } from 'react';
import { Layout } from './components/Layout.tsx';
import { Loading } from './components/Status.tsx';
import { PAGES, type PagePath } from '../../core/pages.ts';
import { matchPath, useLocation } from './router.tsx';

const OverviewPage = lazy(() => import('./pages/OverviewPage.tsx').then((m) => ({ default: m.OverviewPage })));
const IndicatorsPage = lazy(() => import('./pages/IndicatorsPage.tsx').then((m) => ({ default: m.IndicatorsPage })));
const IndicatorPage = lazy(() => import('./pages/IndicatorPage.tsx').then((m) => ({ default: m.IndicatorPage })));
const CompletenessPage = lazy(() => import('./pages/CompletenessPage.tsx').then((m) => ({ default: m.CompletenessPage })));
const SpecialtiesPage = lazy(() => import('./pages/SpecialtiesPage.tsx').then((m) => ({ default: m.SpecialtiesPage })));
const SpecialtyPage = lazy(() => import('./pages/SpecialtyPage.tsx').then((m) => ({ default: m.SpecialtyPage })));
const UploadPage = lazy(() => import('./pages/upload/UploadPage.tsx').then((m) => ({ default: m.UploadPage })));
const ExtractsPage = lazy(() => import('./pages/extracts/ExtractsPage.tsx').then((m) => ({ default: m.ExtractsPage })));
const PublishedPage = lazy(() => import('./pages/published/PublishedPage.tsx').then((m) => ({ default: m.PublishedPage })));
const LoginPage = lazy(() => import('./pages/LoginPage.tsx').then((m) => ({ default: m.LoginPage })));
const AdminPage = lazy(() => import('./pages/admin/AdminPage.tsx').then((m) => ({ default: m.AdminPage })));
const NotFoundPage = lazy(() => import('./pages/NotFoundPage.tsx').then((m) => ({ default: m.NotFoundPage })));

interface Route {
  path: string;
  title: string;
  // Pages take their route parameters as props.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  page: ComponentType<any>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const pageFor: Record<PagePath, ComponentType<any>> = {
  '/': OverviewPage,
  '/indicators': IndicatorsPage,
  '/indicators/:id': IndicatorPage,
  '/completeness': CompletenessPage,
  '/specialties': SpecialtiesPage,
  '/specialties/:code': SpecialtyPage,
  '/upload': UploadPage,
  '/extracts': ExtractsPage,
  '/published': PublishedPage,
  '/login': LoginPage,
  '/admin': AdminPage,
};

const routes: Route[] = PAGES.map(({ path, title }) => ({ path, title, page: pageFor[path] }));

function resolve(pathname: string) {
  for (const route of routes) {
    const match = matchPath(route.path, pathname);
    if (match) return { route, params: match.params };
  }
  return { route: { path: '*', title: 'Page not found', page: NotFoundPage }, params: {} };
}

export function App() {
  const { pathname } = useLocation();
  const { route, params } = resolve(pathname);
  const Page = route.page;
  useEffect(() => {
    document.title = `${route.title} — Parity`;
  }, [route.title]);
  return (
    <Layout>
      <Suspense fallback={<Loading what="page" />}>
        <Page {...params} />
      </Suspense>
    </Layout>
  );
}
