import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { askSessionEarly } from './api/session';
import { App, prefetchScreenData, preloadRoleCode } from './app';
import { LanguageProvider } from './i18n/language';
// One weight only: Japanese webfonts cost ~10 KB per 100 glyphs per weight, and the first screen
// must stay under 300 KB; Chromium and Safari draw bold headings from the regular face.
import '@fontsource/biz-udpgothic/400.css';
// After the slices: a subset of the characters the app's own text uses, one file (see build/ui-font.ts).
import 'virtual:ui-font.css';
import './styles.css';

const session = askSessionEarly();
preloadRoleCode(window.location.pathname);
if (session) prefetchScreenData(window.location.pathname, session);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <LanguageProvider>
      <BrowserRouter>
        <App />
      </BrowserRouter>
    </LanguageProvider>
  </StrictMode>,
);
