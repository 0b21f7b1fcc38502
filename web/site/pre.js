// Meridian's page, before main() (emscripten --pre-js): the page's address becomes
// the app's command line, a ?data= file next to the page is fetched into the
// page's file system, the settings come back from localStorage, and what the app
// says on stderr before its first frame is kept for its status line.
//
//   index.html?data=lesson.json&story=timeline&step=2&present
//   -> meridian /fetched/lesson.json --story timeline --step 2 --present
// Every other parameter becomes an option the same way (?time=2006-07, ?theme=projector,
// ?select=ID, ?projection=globe, ?basemap, ?map-only); web/browser/page_options.cpp
// says which are desktop-only.
Module.arguments = Module.arguments || [];
Module.meridianNotes = [];
Module.meridianFetched = {};

Module.printErr = function (text) {
  console.warn(text);
  // "meridian: ..." lines before the first frame: launch warnings, settings, a map problem.
  if (!Module.meridianNotesTaken && /^meridian: /.test(text))
    Module.meridianNotes.push(text.replace(/^meridian: /, ''));
  if (!Module.meridianNotesTaken && /^meridian: /.test(text) && /cannot|failed|no WebGL2/.test(text))
    meridianShowError(text.replace(/^meridian: /, ''));
};

(function () {
  var params = new URLSearchParams(location.search);
  var args = Module.arguments;
  params.forEach(function (value, name) {
    if (name === 'data') return;
    args.push('--' + name);
    if (value !== '') args.push(value);
  });
  var data = params.get('data');
  if (!data) return;
  // The file keeps its name (folders dropped), under /fetched/; File > Reload fetches it again.
  var url = new URL(data, location.href).href;
  var name = decodeURIComponent(url.split(/[?#]/)[0].split('/').pop()) || 'data.json';
  var path = '/fetched/' + name.replace(/[^A-Za-z0-9._-]/g, '_');
  args.unshift(path);
  Module.preRun = [].concat(Module.preRun || [], function () {
    addRunDependency('meridian-data');
    Module.setStatus('Loading ' + name + '\u2026');
    fetch(url).then(function (r) {
      if (!r.ok) throw new Error('HTTP ' + r.status + (r.statusText ? ' ' + r.statusText : ''));
      return r.arrayBuffer();
    }).then(function (bytes) {
      FS.mkdirTree('/fetched');
      FS.writeFile(path, new Uint8Array(bytes));
      Module.meridianFetched[path] = url;
    }).catch(function (e) {
      args.splice(args.indexOf(path), 1);
      Module.meridianNotes.push('Could not load ' + data + ' (' + e.message + '): showing the built-in data');
    }).finally(function () {
      removeRunDependency('meridian-data');
    });
    // A table names its places: the gazetteer (not in the data bundle) comes too
    // (web/browser/gazetteer_fetch.h fetches it for a table dropped later).
    if (!/\.(csv|tsv|txt)$/i.test(name)) return;
    addRunDependency('meridian-gazetteer');
    fetch('assets/gazetteer/gazetteer.tsv').then(function (r) {
      if (!r.ok) throw new Error('HTTP ' + r.status);
      return r.arrayBuffer();
    }).then(function (bytes) {
      FS.mkdirTree('/assets/gazetteer');
      FS.writeFile('/assets/gazetteer/gazetteer.tsv', new Uint8Array(bytes));
    }).catch(function (e) {
      Module.meridianNotes.push('Could not load the gazetteer (' + e.message + '): places named in ' + name + ' are not found');
    }).finally(function () {
      removeRunDependency('meridian-gazetteer');
    });
  });
})();

// The settings (saved by the app into localStorage) where io::settingsPath() looks for them.
Module.preRun = [].concat(Module.preRun || [], function () {
  try {
    var saved = localStorage.getItem('meridian.settings');
    if (saved) {
      var home = (typeof ENV !== 'undefined' && ENV.HOME) || '/home/web_user';
      FS.mkdirTree(home + '/.config/meridian');
      FS.writeFile(home + '/.config/meridian/settings.json', saved);
    }
  } catch (e) {
    console.warn('meridian: the browser refuses storage; the settings are not kept (' + e.message + ')');
  }
});
