// Storage failures injected for real, shared by the tests that need an outage.

/** A D1 binding that cannot even open a session (the binding itself throws). */
export const THROWING_DB = {
  withSession: () => {
    throw new Error('D1 binding is down');
  },
  prepare: () => {
    throw new Error('D1 binding is down');
  },
} as unknown as D1Database;
