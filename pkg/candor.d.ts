// Types for the loader's global API (`candor.js`): `window.Candor`.
// The ES module's own types are in candor_wasm.d.ts.

/** How a survey is shown. */
export type CandorDisplay = "inline" | "popover" | "slide_in" | "side_tab";

export interface CandorShowOptions {
  /** Where to show it; the survey's own `settings.display` when absent. */
  display?: CandorDisplay;
  /** The collector (or your own endpoint) to read the survey from and post to. */
  endpoint?: string;
  /** The survey itself, for endpoints that do not serve definitions. */
  definition?: object;
  /** Show even when sampling or the recontact limits would not. */
  force?: boolean;
}

/** `Candor.on("submit")`: a response was handed to the outbox. */
export interface CandorSubmitDetail {
  survey: string;
  response: {
    id: string;
    survey_version: number;
    locale?: string;
    answers: Record<string, unknown>;
    context?: Record<string, string>;
    page?: string;
  };
}

/** `Candor.on("dismiss")`: closed before answering. */
export interface CandorDismissDetail {
  survey: string;
}

/** `Candor.on("error")`: a response that will not be delivered. */
export interface CandorErrorDetail {
  /** The response's id. */
  id: string;
  /** Why: refused by the collector, or given up after 7 days. */
  reason: string;
  /** The HTTP status of a refusal. */
  status?: number;
  /** The collector's JSON explanation of a refusal, as sent. */
  body?: string;
}

export interface CandorApi {
  readonly version: string;
  /** Shows a survey now (its trigger is skipped). */
  show(survey: string, options?: CandorShowOptions): Promise<void>;
  /** Loads the widget in idle time so a later survey shows at once; resolves to whether it loaded. */
  prepare(): Promise<boolean>;
  /** Removes every survey this page shows. */
  hide(): void;
  on(event: "submit", listener: (detail: CandorSubmitDetail) => void): void;
  on(event: "dismiss", listener: (detail: CandorDismissDetail) => void): void;
  on(event: "error", listener: (detail: CandorErrorDetail) => void): void;
  /** Names the visitor by an id of yours (hashed in the browser before it
   * leaves) with attributes that surveys' audiences read and responses carry
   * as context; `null` forgets the visitor (signed out). Call it before a
   * survey shows. */
  identify(id: string | null, attributes?: Record<string, string | number | boolean>): void;
  /** Hidden fields sent with responses from now on; null removes one. */
  context(fields: Record<string, string | number | boolean | null>): void;
}

declare global {
  interface Window {
    Candor: CandorApi;
  }
  const Candor: CandorApi;
}
