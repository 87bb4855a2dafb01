/** A stable error code's text for people: what happened, and what to do about it, in both languages. */
export interface ErrorText {
  'zh-CN': string;
  en: string;
}

export interface ErrorEntry {
  message: ErrorText;
  hint?: ErrorText;
  /** Whether trying again, unchanged, may succeed (key re-inserted, a timeout). The UI offers "try again" only then. */
  retriable: boolean;
}

export type ErrorCatalog<C extends string> = Readonly<Record<C, ErrorEntry>>;
