/**
 * The page a problem `type` URI answers with: what the problem means, in Arabic and in English.
 */

import type { ProblemType } from '../contracts/problem-types.ts';
import { Layout, SITE_NAME } from './layout.tsx';

/** The page of the problem type `name`. */
export function ProblemPage({ name, problem }: { name: string; problem: ProblemType }) {
  return (
    <Layout title={`${name} (${problem.status}) | ${SITE_NAME}`} description={problem.ar}>
      <h1>
        <bdi dir="ltr">{name}</bdi> ({problem.status})
      </h1>
      <p>{problem.ar}</p>
      <p lang="en" dir="ltr">
        {problem.en}
      </p>
      <p>
        <a href="/api">واجهة البرمجة</a>
      </p>
    </Layout>
  );
}
