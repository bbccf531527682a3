// Runs inside code-server's extension host (the `payload` extensionTestsPath),
// with the real `vscode` API, against the xxgk-lint extension installed from
// the .vsix. Writes its progress and verdict to $XXGK_VERDICT (JSON), and
// waits for the driver's screenshot before fixing the document.
const vscode = require('vscode');
const fs = require('fs');

const VERDICT = process.env.XXGK_VERDICT;
const TOTAL_LINE = 97;
const checks = [];
const state = { phase: 'started', checks, error: null, timings: {} };
const t0 = Date.now();
const save = () => {
  if (!VERDICT) return;
  fs.writeFileSync(VERDICT + '.tmp', JSON.stringify(state, null, 2));
  fs.renameSync(VERDICT + '.tmp', VERDICT);
};
const check = (name, ok, detail) => {
  checks.push({ name, ok: !!ok, detail: detail === undefined ? undefined : String(detail).slice(0, 2000) });
  save();
  if (!ok) throw new Error(`check failed: ${name}: ${detail}`);
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function until(what, f, ms = 60000) {
  const end = Date.now() + ms;
  for (;;) {
    const v = await f();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}
const hoverText = (hovers) =>
  hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');

/** Asks the driver to click `selector` in the report view's page, and waits (at most 30 s) until it has. */
async function clickInView(name, selector) {
  state.phase = `click:${name}`;
  state.selector = selector;
  save();
  const done = `${VERDICT}.click-${name}-done`;
  await until(`the click ${name}`, () => fs.existsSync(done), 30000);
  state.phase = 'running';
  save();
}

/** Asks the driver for a screenshot named `name` and waits (at most 30 s) until it is taken. */
async function screenshot(name) {
  state.phase = `screenshot:${name}`;
  save();
  const done = `${VERDICT}.screenshot-${name}-done`;
  await until(`the screenshot ${name}`, () => fs.existsSync(done), 30000).catch(() => undefined);
  state.phase = 'running';
  save();
}

async function run() {
  try {
    const ws = vscode.workspace.workspaceFolders[0].uri;
    const uri = vscode.Uri.joinPath(ws, 'report-000.txt');
    const ext = await until('the extension', () => vscode.extensions.getExtension('xxgk-lint.xxgk-lint'));
    check('extension installed from the .vsix', ext.extensionPath.includes('xxgk-lint.xxgk-lint-'), ext.extensionPath);
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc);
    await ext.activate();
    check('extension active', ext.isActive);
    state.timings.activated = Date.now() - t0;

    // The diagnostic, on the 总计 cell.
    const rowTotal = () => vscode.languages.getDiagnostics(uri).find((d) => (d.code && (d.code.value || d.code)) === 'row-total');
    const d = await until('the row-total diagnostic', rowTotal);
    state.timings.diagnostic = Date.now() - t0;
    check('row-total on line 98, characters 2–3', d.range.start.line === TOTAL_LINE && d.range.start.character === 1 && d.range.end.character === 3, JSON.stringify(d.range));
    check('severity error, source xxgk-lint', d.severity === vscode.DiagnosticSeverity.Error && d.source === 'xxgk-lint', `${d.severity} ${d.source}`);
    check('codeDescription links the rule page shipped in the extension', d.code && d.code.target && d.code.target.scheme === 'file' && /docs\/rules\/row-total\.md$/.test(d.code.target.toString()), d.code && d.code.target);
    check('related information on the two non-zero parts (21 and 3)', (d.relatedInformation || []).length === 2, (d.relatedInformation || []).map((r) => r.message).join(' | '));
    check('message says 24', d.message.includes('24'), d.message);

    // Hover: the formula.
    const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, new vscode.Position(TOTAL_LINE, 2));
    const ht = hoverText(hovers);
    check('hover shows the formula', ht.includes('总计 = 自然人 + 商业企业') && ht.includes('= **24**'), ht);

    // Outline.
    const symbols = await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', uri);
    const names = (symbols || []).filter((s) => /^[一二三四五六]、/.test(s.name)).map((s) => s.name);
    check('outline lists the six sections', names.length === 6, names.join(' | '));
    const requests = symbols.find((s) => s.name.startsWith('三、'));
    check('table nested in section 三', requests && requests.children.length === 1, requests && requests.children.map((c) => c.name));

    // Language status from the server's notification.
    const api = ext.exports;
    const status = await until('the status notification', () => api && api.lastStatus(uri) && api.lastStatus(uri).checked && api.lastStatus(uri));
    check('status: 2021 format, errors counted, time taken', status.profile === '2021' && status.errors >= 1 && typeof status.ms === 'number', JSON.stringify(status));

    // Show the squiggle with its hover, then the quick-fix menu, for the screenshots.
    const pos = new vscode.Position(TOTAL_LINE, 2);
    editor.selection = new vscode.Selection(pos, pos);
    editor.revealRange(new vscode.Range(TOTAL_LINE - 4, 0, TOTAL_LINE + 14, 0), vscode.TextEditorRevealType.InCenter);
    await sleep(300);
    await vscode.commands.executeCommand('editor.action.showHover', { focus: true });
    await sleep(800);
    await screenshot('hover');
    await vscode.commands.executeCommand('editor.action.hideHover').then(undefined, () => undefined);
    await vscode.commands.executeCommand('editor.action.quickFix');
    await sleep(1200);
    await screenshot('quickfix');
    await vscode.commands.executeCommand('hideCodeActionWidget').then(undefined, () => undefined);

    // The quick fix, applied through the workspace API, corrects the document.
    const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, d.range);
    const fix = actions.find((a) => a.isPreferred && a.kind && a.kind.value === 'quickfix');
    check('a preferred quick fix is offered', fix, actions.map((a) => a.title).join(' | '));
    check('disable actions are offered', actions.some((a) => a.title.includes('停用 row-total')), actions.map((a) => a.title).join(' | '));
    check('applyEdit succeeds', await vscode.workspace.applyEdit(fix.edit));
    check('the cell reads 24 again', doc.lineAt(TOTAL_LINE).text === '\t24', JSON.stringify(doc.lineAt(TOTAL_LINE).text));
    await until('the diagnostic to go', () => !rowTotal(), 15000);
    check('row-total cleared', !rowTotal());

    // Fix all totals (the command) after breaking the cell again.
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(TOTAL_LINE, 1, TOTAL_LINE, 3), '31');
    await vscode.workspace.applyEdit(edit);
    await until('the diagnostic to come back', rowTotal, 15000);
    const r = await vscode.commands.executeCommand('xxgk-lint.fixAll');
    check('fix-all command applies the safe fix', r && r.applied && doc.lineAt(TOTAL_LINE).text === '\t24', JSON.stringify(r) + ' ' + doc.lineAt(TOTAL_LINE).text);

    // source.fixAll.xxgk is what editor.codeActionsOnSave asks for.
    const edit2 = new vscode.WorkspaceEdit();
    edit2.replace(uri, new vscode.Range(TOTAL_LINE, 1, TOTAL_LINE, 3), '25');
    await vscode.workspace.applyEdit(edit2);
    await until('the diagnostic to come back', rowTotal, 15000);
    const all = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, new vscode.Range(0, 0, 0, 0), 'source.fixAll');
    const fixAll = (all || []).find((a) => a.kind && a.kind.value === 'source.fixAll.xxgk');
    check('source.fixAll.xxgk offered', fixAll, (all || []).map((a) => a.kind && a.kind.value).join(' | '));
    await vscode.workspace.applyEdit(fixAll.edit);
    check('source.fixAll.xxgk restores the cell', doc.lineAt(TOTAL_LINE).text === '\t24', doc.lineAt(TOTAL_LINE).text);

    // The report view: 表三 as a grid beside the text, the wrong cell red with the expected value.
    const edit3 = new vscode.WorkspaceEdit();
    edit3.replace(uri, new vscode.Range(TOTAL_LINE, 1, TOTAL_LINE, 3), '27');
    await vscode.workspace.applyEdit(edit3);
    await until('the diagnostic to come back', rowTotal, 15000);
    await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
    await vscode.commands.executeCommand('xxgk-lint.showReportView');
    const received = () => {
      const last = api.reportView.last;
      const t = last && last.uri === uri.toString() && last.view && last.view.tables.find((x) => x.key === 'requests');
      const row = t && t.rows.find((r) => r.key === 'received');
      return row && row.cells.find((c) => c.kind === 'number' && c.column === 'total');
    };
    const wrongCell = await until('the report view with the wrong 总计', () => { const c = received(); return c && c.severity === 'error' && c; }, 20000);
    check('report view: 表三 总计 of 本年新收 red, expected 24, rule row-total', wrongCell.text === '27' && wrongCell.expected === 24 && wrongCell.rule === 'row-total', JSON.stringify(wrongCell));
    check('report view page: the cell marked with → 24', api.reportView.last.html.includes('→ 24') && api.reportView.last.html.includes('class="num error"'), api.reportView.last.html.length);
    await sleep(1500);
    await screenshot('reportview');
    // The theme's colours: dark and high contrast.
    const workbench = vscode.workspace.getConfiguration('workbench');
    for (const [theme, name] of [['Default Dark Modern', 'reportview-dark'], ['Default High Contrast', 'reportview-hc']]) {
      await workbench.update('colorTheme', theme, vscode.ConfigurationTarget.Global);
      await sleep(1500);
      await screenshot(name);
    }
    await workbench.update('colorTheme', 'Default Light Modern', vscode.ConfigurationTarget.Global);
    await sleep(800);
    // A click on the red cell selects it in the text.
    await clickInView('reportview', 'td.num.error');
    const selected = await until('the cell selected in the text', () => {
      const e = vscode.window.activeTextEditor;
      return e && e.document.uri.toString() === uri.toString() && e.selection.start.line === TOTAL_LINE && e.selection.start.character === 1 && e.selection.end.character === 3 && e;
    }, 15000);
    check('click selects the cell in the text', doc.getText(selected.selection) === '27', doc.getText(selected.selection));
    // Typing the right figure over the selection turns the cell normal.
    await vscode.commands.executeCommand('type', { text: '24' });
    check('typed over the selection', doc.lineAt(TOTAL_LINE).text === '\t24', JSON.stringify(doc.lineAt(TOTAL_LINE).text));
    const fixedCell = await until('the report view to turn normal', () => { const c = received(); return c && c.text === '24' && !c.severity && c; }, 20000);
    check('report view: the cell normal after typing the fix', !fixedCell.severity && fixedCell.expected === undefined, JSON.stringify(fixedCell));
    await sleep(1000);
    await screenshot('reportview-fixed');

    // The same report in Markdown: the squiggle in the table, the injected highlighting.
    const mdUri = vscode.Uri.joinPath(ws, 'report-000.md');
    const md = await vscode.workspace.openTextDocument(mdUri);
    const mdEditor = await vscode.window.showTextDocument(md);
    const mdRowTotal = () => vscode.languages.getDiagnostics(mdUri).find((x) => (x.code && (x.code.value || x.code)) === 'row-total');
    const md1 = await until('the row-total diagnostic in Markdown', mdRowTotal);
    check('Markdown: row-total on the table cell', md.getText(md1.range) === '27', md.getText(md1.range));
    mdEditor.selection = new vscode.Selection(md1.range.start, md1.range.start);
    mdEditor.revealRange(new vscode.Range(Math.max(0, md1.range.start.line - 8), 0, md1.range.start.line + 10, 0), vscode.TextEditorRevealType.InCenter);
    await sleep(500);
    await screenshot('markdown');

    // Word files: a hint on opening one, Check Word report, Fix totals in Word file,
    // and Open as Markdown → edit a figure → Save back to Word.
    const docxUri = vscode.Uri.joinPath(ws, 'report-wps.docx');
    await vscode.commands.executeCommand('vscode.open', docxUri);
    await until('the hint on opening a .docx', () => api.word.hinted.has(docxUri.toString()), 15000);
    check('opening a .docx shows the hint to the Word commands', api.word.hinted.has(docxUri.toString()));
    await sleep(1000);
    await screenshot('docx-hint');
    const findings = await vscode.commands.executeCommand('xxgk-lint.checkDocx', docxUri);
    const wordTotal = (findings || []).find((f) => f.rule === 'row-total');
    check('Check Word report: row-total at its Word place', wordTotal && wordTotal.place.startsWith('表2 第4行 第8列（“23”'), JSON.stringify(findings && findings.filter((f) => f.severity === 'error')));
    check('Check Word report: in the Problems panel', vscode.languages.getDiagnostics(docxUri).some((x) => x.message.startsWith('表2 第4行 第8列')), vscode.languages.getDiagnostics(docxUri).map((x) => x.message).join(' | ').slice(0, 500));
    await sleep(800);
    await screenshot('docx-problems');
    const fixedDocx = await vscode.commands.executeCommand('xxgk-lint.fixDocx', docxUri);
    check('Fix totals in Word file: one cell written', fixedDocx && fixedDocx.cells === 1 && fixedDocx.left.length === 0, JSON.stringify(fixedDocx));
    check('the Word file checks clean after the fix', !vscode.languages.getDiagnostics(docxUri).some((x) => x.code === 'row-total'), vscode.languages.getDiagnostics(docxUri).map((x) => x.message).join(' | ').slice(0, 500));
    const fromWord = await vscode.commands.executeCommand('xxgk-lint.openDocxAsMarkdown', docxUri);
    const row = '| 一、本年新收政府信息公开申请数量 |  |  | 21 | 1 | 0 | 0 | 0 | 0 | 22 |';
    const at = fromWord.getText().split('\n').indexOf(row);
    check('Open Word report as Markdown: GFM rows, one per line, the fixed 22', at > 0, fromWord.getText().slice(0, 300));
    const editRow = new vscode.WorkspaceEdit();
    editRow.replace(fromWord.uri, new vscode.Range(at, 0, at, row.length), row.replace('| 21 |', '| 25 |').replace('| 22 |', '| 26 |'));
    await vscode.workspace.applyEdit(editRow);
    await vscode.window.showTextDocument(fromWord);
    const savedBack = await vscode.commands.executeCommand('xxgk-lint.saveToDocx');
    check('Save back to Word: the two edited figures written', savedBack && savedBack.cells === 2 && savedBack.left.length === 0, JSON.stringify(savedBack));
    const again = await vscode.commands.executeCommand('xxgk-lint.openDocxAsMarkdown', docxUri);
    check('the Word file now reads 25 and 26', again.getText().includes('| 一、本年新收政府信息公开申请数量 |  |  | 25 | 1 | 0 | 0 | 0 | 0 | 26 |'), again.getText().slice(0, 300));

    // The report language and the new-report command.
    const x = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(ws, 'sample.xxgk'));
    check('.xxgk files get the report language', x.languageId === 'xxgk-report', x.languageId);
    const fresh = await vscode.commands.executeCommand('xxgk-lint.newReport');
    const text = fresh.getText();
    check('new report: Markdown, six sections, three tables', fresh.languageId === 'markdown' && (text.match(/^## [一二三四五六]、/gm) || []).length === 6 && text.includes('第二十条第（一）项') && text.includes('（七）总计'), text.slice(0, 200));

    state.phase = 'done';
    state.ok = true;
  } catch (error) {
    state.phase = 'failed';
    state.ok = false;
    state.error = String((error && error.stack) || error);
  }
  state.timings.total = Date.now() - t0;
  save();
}

module.exports = { run };
