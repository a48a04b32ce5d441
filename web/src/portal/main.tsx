import { createRoot } from 'react-dom/client';

// placeholder until the portal lands (issue #6)
createRoot(document.getElementById('root')!).render(<main><h1>Pantau</h1></main>);
