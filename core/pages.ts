// The web app's pages: the client router draws them, and the server answers exactly these paths
// with the app (anything else is a 404). One list, so the two cannot drift apart.

export interface PageDeclaration {
  /** A pattern with `:name` parameters, matched segment by segment. */
  path: string;
  title: string;
  /** Who may load the page. The data on it comes from the API, which checks again. */
  access: 'public' | 'viewer';
}

export const PAGES = [
  { path: '/', title: 'Core20PLUS5 overview', access: 'viewer' },
  { path: '/indicators', title: 'Indicators', access: 'viewer' },
  { path: '/indicators/:id', title: 'Indicator', access: 'viewer' },
  { path: '/completeness', title: 'Recording completeness', access: 'viewer' },
  { path: '/specialties', title: 'Specialties', access: 'viewer' },
  { path: '/specialties/:code', title: 'Specialty', access: 'viewer' },
  { path: '/upload', title: 'Upload an extract', access: 'viewer' },
  { path: '/extracts', title: 'Loaded extracts', access: 'viewer' },
  { path: '/published', title: 'Published charts', access: 'viewer' },
  { path: '/login', title: 'Sign in', access: 'public' },
  { path: '/admin', title: 'Administration', access: 'viewer' },
] as const satisfies readonly PageDeclaration[];

export type PagePath = (typeof PAGES)[number]['path'];
