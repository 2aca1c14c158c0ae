/* The editor's desk: toolbar, shortcuts, server-rendered preview, autosave and the media picker.
   Progressive enhancement only: without this script the Markdown textarea and the cover select work as before.
   Hand-written, no dependencies, no inline script or style (the admin has a strict Content-Security-Policy).
   Strings and markup come from <template> elements rendered by the server in the page's language. */
(function () {
  'use strict';

  var form = document.querySelector('form[data-editor]');
  if (!form || !window.fetch || !window.FormData) { return; }
  var body = form.querySelector('textarea[name="Body"]');
  var tools = document.getElementById('editor-tools');
  if (!body || !tools) { return; }
  var ds = form.dataset;
  var culture = ds.culture;
  var token = (form.querySelector('input[name="__RequestVerificationToken"]') || {}).value || '';

  function $(sel, root) { return (root || document).querySelector(sel); }
  function text(key) { var el = $('[data-text="' + key + '"]', tools.content); return el ? el.textContent : key; }
  function post(url, data) {
    data.set('__RequestVerificationToken', token);
    return fetch(url, { method: 'POST', body: data, credentials: 'same-origin', headers: { 'X-Requested-With': 'fetch' } });
  }

  /* ---------- Layout: toolbar, tabs, preview, status ---------- */
  var field = body.closest('.field');
  var ui = tools.content.cloneNode(true);
  var toolbar = $('.editor-toolbar', ui);
  var tabs = $('.editor-tabs', ui);
  var preview = $('.editor-preview', ui);
  var status = $('.editor-status', ui);
  var pane = document.createElement('div');
  pane.className = 'editor-panes';
  var writePane = document.createElement('div');
  writePane.className = 'editor-write';
  writePane.id = 'editor-write';
  body.parentNode.insertBefore(pane, body);
  writePane.appendChild(body);
  pane.appendChild(writePane);
  pane.appendChild(preview);
  field.insertBefore(toolbar, pane);
  field.insertBefore(tabs, pane);
  field.appendChild(status);
  field.classList.add('editor-enhanced');

  function say(message) { status.textContent = message; }

  /* ---------- Editing operations ---------- */
  function replace(start, end, value, selStart, selEnd) {
    body.focus();
    body.setSelectionRange(start, end);
    // execCommand keeps the browser's undo history; setRangeText is the fallback.
    var done = false;
    try { done = document.execCommand('insertText', false, value); } catch (e) { done = false; }
    if (!done || body.value.substr(start, value.length) !== value) {
      body.setRangeText(value, start, end, 'end');
      body.dispatchEvent(new Event('input', { bubbles: true }));
    }
    body.setSelectionRange(start + selStart, start + selEnd);
  }

  function wrap(before, after, placeholder) {
    var s = body.selectionStart, e = body.selectionEnd;
    var chosen = body.value.slice(s, e) || placeholder;
    replace(s, e, before + chosen + after, before.length, before.length + chosen.length);
  }

  function prefixLines(kind) {
    var v = body.value;
    var s = v.lastIndexOf('\n', body.selectionStart - 1) + 1;
    var e = v.indexOf('\n', body.selectionEnd);
    if (e < 0) { e = v.length; }
    var lines = v.slice(s, e).split('\n');
    var out = lines.map(function (line, i) {
      var bare = line.replace(/^(\s*([-*]|\d+\.|>|#{1,6})\s+)/, '');
      if (kind === 'ol') { return (i + 1) + '. ' + bare; }
      return { ul: '- ', quote: '> ', heading: '## ' }[kind] + bare;
    }).join('\n');
    replace(s, e, out, out.length, out.length);
  }

  function link() {
    var s = body.selectionStart, e = body.selectionEnd;
    var label = body.value.slice(s, e) || text('link-text');
    var value = '[' + label + '](https://)';
    replace(s, e, value, label.length + 3, value.length - 1);
  }

  /* Inserts a snippet as its own paragraph at the caret remembered when the picker opened. */
  var caret = null;
  function insertBlock(snippet, selectAlt) {
    var s = caret ? caret[0] : body.selectionStart, e = caret ? caret[1] : body.selectionEnd;
    var v = body.value;
    var lead = s === 0 || v.slice(0, s).endsWith('\n\n') ? '' : v.slice(0, s).endsWith('\n') ? '\n' : '\n\n';
    var trail = v.slice(e).startsWith('\n\n') || e === v.length ? '' : '\n\n';
    var value = lead + snippet + trail;
    var at = selectAlt ? lead.length + 2 : value.length;
    replace(s, e, value, at, at);
  }

  var actions = {
    bold: function () { wrap('**', '**', text('bold-text')); },
    italic: function () { wrap('_', '_', text('italic-text')); },
    heading: function () { prefixLines('heading'); },
    ul: function () { prefixLines('ul'); },
    ol: function () { prefixLines('ol'); },
    quote: function () { prefixLines('quote'); },
    link: link,
    image: function () { openPicker('image', onPick); },
    file: function () { openPicker('document', onPick); }
  };

  toolbar.addEventListener('click', function (ev) {
    var b = ev.target.closest('button[data-md]');
    if (b && actions[b.dataset.md]) { ev.preventDefault(); actions[b.dataset.md](); }
  });

  var plainKeys = { b: 'bold', i: 'italic', k: 'link' };
  var shiftKeys = { Digit2: 'heading', Digit7: 'ol', Digit8: 'ul', Digit9: 'quote' };
  body.addEventListener('keydown', function (ev) {
    if (!(ev.ctrlKey || ev.metaKey) || ev.altKey) { return; }
    var name = ev.shiftKey ? shiftKeys[ev.code] : plainKeys[ev.key.toLowerCase()];
    if (name) { ev.preventDefault(); actions[name](); }
  });

  /* ---------- Preview (rendered by the server's MarkdownRenderer) ---------- */
  var previewTimer = 0, previewSeq = 0;
  function renderPreview() {
    var seq = ++previewSeq;
    var data = new FormData();
    data.set('body', body.value);
    data.set('culture', culture);
    post(ds.previewUrl, data).then(function (r) { return r.ok ? r.text() : Promise.reject(r.status); })
      .then(function (html) {
        // The fragment is the server's sanitised output (HtmlSanitizer allow-list), the same as the public page.
        if (seq === previewSeq) { preview.innerHTML = html;
          if (!html) { preview.appendChild(el('p', 'help', text('preview-empty'))); } preview.setAttribute('aria-busy', 'false'); }
      })
      .catch(function () { if (seq === previewSeq) { say(text('preview-failed')); } });
  }
  function schedulePreview() { clearTimeout(previewTimer); previewTimer = setTimeout(renderPreview, 500); }

  tabs.addEventListener('click', function (ev) {
    var tab = ev.target.closest('[role="tab"]');
    if (!tab) { return; }
    var showPreview = tab.dataset.tab === 'preview';
    tabs.querySelectorAll('[role="tab"]').forEach(function (t) { t.setAttribute('aria-selected', String(t === tab)); });
    pane.classList.toggle('show-preview', showPreview);
    if (showPreview) { renderPreview(); }
  });

  /* ---------- Autosave: server every 30 s at most, this browser's storage when the server cannot be reached ---------- */
  var storeKey = ds.storageKey;
  var autosaveUrl = ds.autosaveUrl;
  var dirty = false, saving = false, idleTimer = 0, maxTimer = 0, localTimer = 0;
  var fields = ['Title', 'Summary', 'Body'];

  function snapshot() {
    var o = { at: Date.now(), version: ds.version };
    fields.forEach(function (n) { var el = form.elements[n]; if (el) { o[n] = el.value; } });
    return o;
  }
  function keepLocally() {
    try { localStorage.setItem(storeKey, JSON.stringify(snapshot())); } catch (e) { /* storage full or blocked */ }
  }
  function forgetLocally() { try { localStorage.removeItem(storeKey); } catch (e) { /* ignore */ } }

  function autosave() {
    clearTimeout(idleTimer); clearTimeout(maxTimer); maxTimer = 0;
    if (!dirty || saving) { return; }
    if (!autosaveUrl) { keepLocally(); dirty = false; say(text('kept-locally')); return; }
    saving = true; dirty = false;
    var data = new FormData(form);
    data.delete('action');
    post(autosaveUrl, data).then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
      .then(function (res) {
        forgetLocally();
        say(res.stale ? res.message + ' ' + text('stale') : res.message);
      })
      .catch(function () { keepLocally(); say(text('offline')); })
      .then(function () { saving = false; if (dirty) { schedule(); } });
  }
  function schedule() {
    clearTimeout(idleTimer);
    idleTimer = setTimeout(autosave, Number(ds.autosaveIdle || 3000));
    if (!maxTimer) { maxTimer = setTimeout(autosave, 30000); }
  }

  form.addEventListener('input', function (ev) {
    dirty = true;
    schedule();
    clearTimeout(localTimer);
    localTimer = setTimeout(keepLocally, 800);
    if (ev.target === body) { schedulePreview(); }
  });
  form.addEventListener('submit', function () { forgetLocally(); dirty = false; clearTimeout(idleTimer); clearTimeout(maxTimer); });
  window.addEventListener('pagehide', function () { if (dirty) { keepLocally(); } });

  // After a crash or a closed tab: the text this browser kept, when it differs from what the server gave.
  (function offerLocal() {
    var kept;
    try { kept = JSON.parse(localStorage.getItem(storeKey) || 'null'); } catch (e) { kept = null; }
    if (!kept || fields.every(function (n) { var el = form.elements[n]; return !el || (kept[n] || '') === el.value; })) { return; }
    var offer = $('.local-offer', tools.content).cloneNode(true);
    $('[data-when]', offer).textContent = new Date(kept.at).toLocaleString(document.documentElement.lang);
    form.parentNode.insertBefore(offer, form);
    offer.addEventListener('click', function (ev) {
      var b = ev.target.closest('button');
      if (!b) { return; }
      if (b.dataset.choice === 'restore') {
        fields.forEach(function (n) { var el = form.elements[n]; if (el && typeof kept[n] === 'string') { el.value = kept[n]; } });
        dirty = true; schedule(); renderPreview();
        say(text('restored'));
      } else {
        forgetLocally();
      }
      offer.remove();
      body.focus();
    });
  })();

  /* ---------- Media picker ---------- */
  var dialog = null, pickerKind = 'image', pickerDone = null, searchTimer = 0;

  function buildPicker() {
    var tpl = document.getElementById('media-picker');
    dialog = tpl.content.firstElementChild.cloneNode(true);
    document.body.appendChild(dialog);
    var search = $('[name="picker-q"]', dialog), kind = $('[name="picker-kind"]', dialog);
    search.addEventListener('input', function () { clearTimeout(searchTimer); searchTimer = setTimeout(loadMedia, 300); });
    kind.addEventListener('change', loadMedia);
    dialog.addEventListener('click', function (ev) {
      if (ev.target.closest('[data-close]')) { dialog.close(); return; }
      var choose = ev.target.closest('button[data-id]');
      if (choose) { pick(JSON.parse(choose.dataset.item)); }
    });
    dialog.addEventListener('keydown', function (ev) {
      // Enter in the search field must not submit the edit form behind the dialog.
      if (ev.key === 'Enter' && ev.target.tagName === 'INPUT' && ev.target.type !== 'file') { ev.preventDefault(); loadMedia(); }
    });
    $('[data-upload]', dialog).addEventListener('click', upload);
    dialog.addEventListener('close', function () { body.focus(); });
  }

  function openPicker(kind, done) {
    caret = [body.selectionStart, body.selectionEnd];
    // A browser without <dialog> gets the media library itself, whose snippets can be copied as before.
    if (typeof HTMLDialogElement !== 'function') { window.open('/admin/media', '_blank', 'noopener'); return; }
    if (!dialog) { buildPicker(); }
    pickerKind = kind; pickerDone = done;
    $('[name="picker-kind"]', dialog).value = kind;
    $('.picker-error', dialog).textContent = '';
    dialog.showModal();
    $('[name="picker-q"]', dialog).focus();
    loadMedia();
  }

  function loadMedia() {
    var q = $('[name="picker-q"]', dialog).value;
    var kind = $('[name="picker-kind"]', dialog).value;
    var url = ds.mediaUrl + '?culture=' + encodeURIComponent(culture) + '&kind=' + encodeURIComponent(kind) + '&q=' + encodeURIComponent(q);
    var list = $('.picker-results', dialog);
    list.setAttribute('aria-busy', 'true');
    fetch(url, { credentials: 'same-origin' }).then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
      .then(function (res) { showMedia(res.items); })
      .catch(function () { $('.picker-error', dialog).textContent = text('offline'); })
      .then(function () { list.setAttribute('aria-busy', 'false'); });
  }

  function el(tag, cls, content) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (content) { e.textContent = content; }
    return e;
  }

  function showMedia(items) {
    var list = $('.picker-results', dialog);
    list.textContent = '';
    $('.picker-count', dialog).textContent = items.length ? '' : text('nothing');
    items.forEach(function (m) {
      var li = el('li', 'picker-tile');
      var b = el('button', 'picker-choose');
      b.type = 'button';
      b.dataset.id = m.id;
      b.dataset.item = JSON.stringify(m);
      if (m.thumb) {
        var img = el('img');
        img.src = m.thumb; img.alt = ''; img.loading = 'lazy'; img.width = 160; img.height = 107;
        b.appendChild(img);
      } else {
        b.appendChild(el('span', 'file-badge', m.format));
      }
      b.appendChild(el('span', 'media-name', m.name));
      li.appendChild(b);
      if (m.kind === 'image') {
        var alts = el('ul', 'alt-state');
        alts.setAttribute('aria-label', text('alt-state'));
        m.alt.forEach(function (a) {
          var item = el('li', a.present ? 'alt-ok' : 'alt-missing', (a.present ? '✓ ' : '✗ ') + a.culture.toUpperCase());
          item.title = a.name + ': ' + (a.present ? text('alt-present') : text('alt-missing'));
          item.appendChild(el('span', 'visually-hidden', ' ' + item.title));
          alts.appendChild(item);
        });
        li.appendChild(alts);
        if (m.altMissing) {
          var fix = el('a', 'picker-fix', text('add-alt'));
          fix.href = m.details; fix.target = '_blank'; fix.rel = 'noopener';
          li.appendChild(fix);
        }
      }
      list.appendChild(li);
    });
  }

  function pick(m) {
    dialog.close();
    if (pickerDone) { pickerDone(m); }
  }

  function onPick(m) {
    var altMissingHere = m.kind === 'image' && !m.decorative && m.alt.some(function (a) { return a.culture === culture && !a.present; });
    insertBlock(m.snippet, altMissingHere);
    say(altMissingHere ? text('write-alt') : text('inserted'));
    schedulePreview();
  }

  function upload() {
    var box = $('.picker-upload', dialog);
    var data = new FormData();
    var file = $('input[type="file"]', box);
    if (!file.files.length) { $('.picker-error', dialog).textContent = text('no-file'); file.focus(); return; }
    data.set('File', file.files[0]);
    box.querySelectorAll('input[data-name]').forEach(function (i) {
      if (i.type === 'checkbox') { if (i.checked) { data.set(i.dataset.name, 'true'); } } else { data.set(i.dataset.name, i.value); }
    });
    data.set('culture', culture);
    $('.picker-error', dialog).textContent = text('uploading');
    post(ds.mediaUrl, data).then(function (r) {
      return r.json().then(function (j) { return r.ok ? j : Promise.reject(j.error); }, function () { return Promise.reject(text('upload-failed')); });
    }).then(function (m) {
      $('.picker-error', dialog).textContent = '';
      file.value = '';
      pick(m);
    }).catch(function (message) { $('.picker-error', dialog).textContent = typeof message === 'string' ? message : text('upload-failed'); });
  }

  /* Cover and other media fields: the select stays, a thumbnail picker sits beside it. */
  document.querySelectorAll('select[data-media-select]').forEach(function (select) {
    var btn = el('button', 'button button-secondary picker-open', text('choose-image'));
    btn.type = 'button';
    select.insertAdjacentElement('afterend', btn);
    btn.addEventListener('click', function () {
      openPicker(select.dataset.mediaSelect, function (m) {
        var opt = select.querySelector('option[value="' + m.id + '"]');
        if (!opt) { opt = el('option', null, '#' + m.id + ' — ' + m.name); opt.value = m.id; select.appendChild(opt); }
        select.value = String(m.id);
        select.dispatchEvent(new Event('change', { bubbles: true }));
        var img = select.parentNode.querySelector('img.cover-preview');
        if (m.thumb) {
          if (!img) { img = el('img', 'cover-preview'); img.alt = ''; img.width = 240; select.parentNode.insertBefore(img, select); }
          img.src = m.thumb;
        }
        say(m.altMissing ? text('cover-alt') + ' ' + m.altMissing : text('inserted'));
        dirty = true; schedule();
        select.focus();
      });
    });
  });

  renderPreview();
})();
