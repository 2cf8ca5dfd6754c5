import './csp-safe-zod';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { api } from './api/bridge';
import { App } from './app';
import { applyTheme, resolveTheme, systemPrefersDark } from './preferences/theme';
import './styles/theme.css';
import './styles/base.css';
import './styles/forms.css';
import './styles/shell.css';
import './styles/settings.css';
import './styles/sync.css';
import './styles/tables.css';
import './styles/grid.css';
import './styles/records.css';

// Until the saved theme is read, follow the OS, so a dark desktop does not flash white at start.
applyTheme(resolveTheme('system', systemPrefersDark()));

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App api={api} />
  </StrictMode>,
);
