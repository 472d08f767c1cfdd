// Removes a browser's temporary profile once the browser is closed.  A
// browser's helper processes (WebKit's network process, Firefox's storage)
// can still be writing into it for a moment after the browser exits, so the
// removal retries for a few seconds; if the folder is still busy after that,
// it is left in the temporary directory with a warning.  Leaving a temporary
// folder behind is not a failure of the page under test, so it never fails a
// suite.
import fs from 'node:fs';

export function removeProfile(profile) {
  try {
    fs.rmSync(profile, { recursive: true, force: true, maxRetries: 50, retryDelay: 100 });
  } catch (e) {
    console.warn(`engines: the profile ${profile} is still in use and was left behind (${e.code || e.message})`);
  }
}
