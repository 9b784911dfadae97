/**
 * What `defineGrader` imports only when it registers tests with the real vitest (the grading
 * session, the sandbox): never in the book's check worker, where vitest is the empty shim.
 */
throw new Error('kit/grade\'s vitest session is Node-only: the book\'s check worker never registers graders with vitest');
