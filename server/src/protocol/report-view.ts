// The data of the report view (`xxgk/reportView`): the tables as grids to
// draw, each number cell with its range in the text and the finding on it.

import type { Position, Range } from 'vscode-languageserver-types';

/** LSP's: 0-based line, UTF-16 character. */
export type { Position, Range };

export const REPORT_VIEW_REQUEST = 'xxgk/reportView';

export interface ReportViewParams {
  textDocument: { uri: string };
}

/** A drawn label or header cell. */
export interface ViewLabel {
  kind: 'label';
  text: string;
  colSpan?: number;
  rowSpan?: number;
  /** Where the row's label stands in the text (row labels only). */
  range?: Range;
}

/** A number cell. */
export interface ViewCell {
  kind: 'number';
  /** Template column key. */
  column: string;
  colSpan?: number;
  /** The cell as written ('' when blank); absent range: the row is not in the text. */
  text: string;
  value: number | null;
  range?: Range;
  /** Set when a finding sits on the cell. */
  rule?: string;
  severity?: 'error' | 'warning' | 'info';
  message?: string;
  expected?: number;
}

export type ViewDrawn = ViewLabel | ViewCell;

export interface ViewRow {
  /** Template row key; absent for a block heading of 表二. */
  key?: string;
  cells: ViewDrawn[];
}

/** 勾稽: 第一项 + 第二项 = 第三项 + 第四项, in one column of 表三. */
export interface ViewCheck {
  column: string;
  label: string;
  in: number;
  out: number;
  ok: boolean;
  /** `6+0=6，6+1=7` */
  formula: string;
}

export interface ViewTable {
  /** The template's table key (`proactive`, `requests`, `review`). */
  key: string;
  /** `表二 主动公开政府信息情况` */
  title: string;
  /** Where the table is in the text; absent when it is missing. */
  range?: Range;
  /** Columns of the grid. */
  width: number;
  head: ViewDrawn[][];
  rows: ViewRow[];
  checks?: ViewCheck[];
}

export interface ReportView {
  /** The template version. */
  profile: string;
  /** The template's `name`, to show. */
  profileName: { zh: string; en: string };
  title?: string;
  tables: ViewTable[];
}
