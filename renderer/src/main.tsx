import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { bridgeAvailable } from './api/client';
import { App } from './components/App';
import { BridgeMissing } from './components/BridgeMissing';
import './styles/base.css';
import './styles/controls.css';
import './styles/layout.css';
import './styles/change-password.css';
import './styles/users.css';
import './styles/history.css';
import './styles/settings.css';
import './styles/accounts.css';
import './styles/bulk.css';

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');

createRoot(root).render(<StrictMode>{bridgeAvailable() ? <App /> : <BridgeMissing />}</StrictMode>);
