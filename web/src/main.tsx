import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { apiUrl, prefetch } from './api/client.ts';
import './styles.css';

// The overview's data does not wait for the overview's code: ask for both at once.
if (window.location.pathname === '/') prefetch(apiUrl('overview'));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
