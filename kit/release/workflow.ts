/**
 * `.github/workflows/classroom.yml` of a student repository: GitHub Classroom's autograding
 * workflow (its template's name, triggers, permissions and bot guard), grading with the course's
 * own grader and reporting through `classroom-resources/autograding-grading-reporter@v1`, which
 * reads the grading step's `result` output from `DESCENT_RESULTS` (runner `descent`).
 */
import { RUNNER_ID } from '../grade/report/classroom';

/** Where the workflow lives in a student repository. */
export const WORKFLOW_FILE = '.github/workflows/classroom.yml';
/** The reporter action (GitHub Classroom's autograding reporter). */
export const REPORTER_ACTION = 'classroom-resources/autograding-grading-reporter@v1';
/** The command of the grading step. */
export const GRADE_COMMAND = 'npx tsx kit/grade/cli.ts --classroom --no-color';

export function classroomWorkflow(title: string): string {
  const env = `${RUNNER_ID.toUpperCase()}_RESULTS`;
  return `# ${title}: GitHub Classroom autograding. Runs on every push: installs the locked
# dependencies, checks that the graders are the ones the course shipped (an edited test, grader or
# workflow is reported as "graders modified", with no points), grades exercises/ and reports the
# points to GitHub Classroom, with the grade table in the job summary.
# Written by the course kit's \`npm run release\`: do not edit.
name: Autograding Tests
"on":
  push:
  workflow_dispatch:
  repository_dispatch:
permissions:
  checks: write
  actions: read
  contents: read
jobs:
  run-autograding-tests:
    runs-on: ubuntu-latest
    if: github.actor != 'github-classroom[bot]'
    timeout-minutes: 15
    steps:
      - name: Checkout code
        uses: actions/checkout@v4
      - name: Set up Node.js 20
        uses: actions/setup-node@v4
        with:
          node-version: 20
          cache: npm
      - name: Install dependencies
        run: npm ci --no-audit --no-fund
      - name: Grade
        id: ${RUNNER_ID}
        run: ${GRADE_COMMAND}
      - name: Report to GitHub Classroom
        if: \${{ !cancelled() && steps.${RUNNER_ID}.outputs.result != '' }}
        uses: ${REPORTER_ACTION}
        env:
          ${env}: \${{ steps.${RUNNER_ID}.outputs.result }}
        with:
          runners: ${RUNNER_ID}
`;
}
