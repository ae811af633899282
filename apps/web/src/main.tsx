// First: boot.ts has usually run already (index.html names it first); imported here too, so the
// page works without it and the modules it shares with the app are not downloaded twice.
import './boot';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './app';
import { LanguageProvider, languageReady } from './i18n/language';
// One weight only: Japanese webfonts cost ~10 KB per 100 glyphs per weight, and the first screen
// must stay under 300 KB; Chromium and Safari draw bold headings from the regular face.
import '@fontsource/biz-udpgothic/400.css';
// After the slices: a subset of the characters the app's own text uses, one file (see build/ui-font.ts).
import 'virtual:ui-font.css';
import './styles.css';

const render = () =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <LanguageProvider>
        <BrowserRouter>
          <App />
        </BrowserRouter>
      </LanguageProvider>
    </StrictMode>,
  );

const ready = languageReady();
if (ready) void ready.then(render);
else render();
