/** The Korean student repository's README (`npm run release -- DIR --lang ko`): the same sections as readme.ts. */
import type { CourseConfig } from '../grade/config';
import { row, type ReadmeExercise } from './readme';

export function koreanReadme(config: CourseConfig, exercises: ReadmeExercise[], notebooks: string[]): string {
  const total = Math.round(exercises.reduce((s, e) => s + e.points, 0) * 100) / 100;
  const table = [
    row(['연습 문제', '장', '점수', '마감']),
    row(['---', '---', '---:', '---']),
    ...exercises.map((e) =>
      row([
        `[\`exercises/${e.name}.ts\`](exercises/${e.name}.ts)`,
        e.hasNotebook ? `[${e.chapterTitle ?? e.chapter}](notebooks/${e.chapter}.ipynb)` : e.chapter,
        String(Math.round(e.points * 100) / 100),
        config.exercises[e.name]?.due ?? '',
      ]),
    ),
    row(['**합계**', '', `**${total}**`, '']),
  ];
  return `# ${config.title}

TypeScript로 배우는 딥러닝의 기초: 손실 함수, 경사 하강법, 역전파, 옵티마이저. \`notebooks/\`의 장(TypeScript
커널에서 돌아가는 Jupyter 노트북)을 읽고, \`exercises/\`의 연습 문제를 구현하면, 자동 채점기가 검사 하나하나에
대해 무엇이 맞고 무엇이 틀렸는지 알려 줍니다. 채점 결과와 피드백은 한국어로 나옵니다
(\`course.config.json\`의 \`"language": "ko"\`).

## 연습 문제

${table.join('\n')}

## 1. 설치

[Node.js](https://nodejs.org/) 20 이상이 필요합니다 (\`node --version\`으로 확인). 이 폴더에서:

\`\`\`sh
npm install
npm test
\`\`\`

Node 20 이상이면 \`npm install\`은 경고를 출력하지 않습니다. 이때 노트북을 출력 없이 커밋하도록 git도 설정합니다
(*제출* 참고). \`npm test\`는 연습 문제를 채점해 짧은 표를 보여 줍니다: 연습 문제마다 점수와 상태가 한 줄씩 나옵니다.
시작하기 전에는 모든 연습 문제가 \`TODO\`를 던지는 빈 함수(stub)여서 ${total}점 중 0점입니다.

## 2. 노트북 열기

각 장은 JupyterLab(또는 Jupyter Notebook)에서 TypeScript 커널 tslab으로 실행됩니다. tslab은 \`npm install\`이
설치합니다. Jupyter 자체는 Python 소프트웨어이므로 한 번 설치해 두세요:

| 시스템 | 명령 |
| --- | --- |
| Debian, Ubuntu | \`sudo apt install jupyter-notebook\` (또는 \`sudo apt install pipx\` 후 \`pipx install jupyterlab\`) |
| macOS | \`brew install jupyterlab\` (또는 \`brew install pipx\` 후 \`pipx install jupyterlab\`) |
| Windows | Anaconda/Miniforge 프롬프트에서 \`conda install -c conda-forge jupyterlab\` (또는 \`pipx install jupyterlab\`) — 아니면 Jupyter 없이 VS Code와 그 Jupyter 확장을 쓰세요 |

(최신 Debian과 Ubuntu의 Python은 "externally managed"라서 \`pip install --user jupyterlab\`이 실패합니다: 그곳에서는
apt나 pipx를 쓰세요.) 그다음:

\`\`\`sh
npm run lab
\`\`\`

이 명령은 이 저장소 전용 TypeScript 커널로 브라우저에서 \`notebooks/\`를 엽니다. 커널은 이 폴더만의 이름으로
등록되므로, 같은 컴퓨터의 다른 과정 저장소는 자기 커널을 따로 씁니다: \`npm run lab\`은 언제나 이 저장소의 커널을
띄웁니다. VS Code(또는 직접 띄운 Jupyter)에서는 \`npm run kernel\`을 한 번 실행하고 커널로
**TypeScript (<이 폴더의 이름>)**을 고르세요. Jupyter가 없으면 \`npm run lab\`이 설치 방법을 알려 줍니다. 그 밖의 명령:

| 명령 | 하는 일 |
| --- | --- |
| \`npm run notebooks\` | 브라우저 없이 터미널에서 모든 노트북을 실행하고, 실행한 사본을 \`build/notebooks/\`에 씁니다 |
| \`npm start\` | 노트북을 실행하고 http://127.0.0.1:4173/ 에서 책으로 보여 줍니다 |
| \`npm run book -- --student\` | 서버 없이 \`build/book/\`에 책을 만듭니다 |

장 순서: ${notebooks.map((n) => `\`${n}\``).join(', ')}.

## 3. 채점해 보기

각 장은 연습 문제로 끝납니다. \`exercises/<이름>.ts\`를 열고 \`throw new Error('TODO: …')\`를 하나씩 직접 작성한
코드로 바꾼 뒤 저장하고 채점하세요:

\`\`\`sh
npm test                          # 모든 연습 문제: 연습 문제마다 점수와 한 줄 상태
npm test -- --verbose             # 모든 검사: 입력, 기댓값, 받은 값, 힌트
npm run grade -- --only mse       # 연습 문제 하나만
\`\`\`

또는 노트북 셀에서 \`await check('mse')\`를 실행하세요 (파일이 바뀌면 노트북이 다시 불러옵니다). \`npm test\`는
파일의 타입도 검사해서, 타입 오류를 해당 연습 문제 아래에 줄 번호와 함께 쉬운 말로 보여 줍니다 (\`len(y)\` →
"TypeScript에는 len()이 없습니다: y.length를 쓰세요", 배열에 \`a - b\` → "배열 산술은 원소별로 계산되지 않습니다").
타입 오류로 점수가 깎이지는 않습니다. 점수는 검사가 정합니다.

## 4. 제출

커밋하고 푸시하세요:

\`\`\`sh
git add exercises
git commit -m "mse와 그 그래디언트"
git push
\`\`\`

노트북은 출력 없이 커밋됩니다: \`npm install\`이 git 필터(\`.gitattributes\`: \`*.ipynb filter=descent-notebooks\`)를
설정해 두어, 디스크의 파일은 출력을 그대로 갖고 있어도 스테이징할 때는 출력을 뺍니다 (실행한 노트북에는 수 MB의
그래프가 들어 있습니다). 설치하기 전에 클론했거나 나중에 \`git init\`을 했다면 \`npm run prepare\`를 한 번 실행하세요.

푸시할 때마다 GitHub에서 자동 채점기가 돌아가고(*Actions* 탭의 **Autograding Tests** 워크플로, 채점 표는 실행
요약에 있습니다) 점수가 GitHub Classroom에 보고됩니다. 몇 번이든 푸시해도 됩니다. 마감 전 마지막 푸시가 인정됩니다.

\`course/\`, \`kit/\`, \`.github/\`, \`package.json\`, \`course.config.json\`은 고치지 마세요: 자동 채점기는 이 파일들을
과정의 체크섬과 비교하며, 채점기나 워크플로가 바뀌면 **채점기 변경됨**으로 처리되어 점수를 받지 못합니다. 여러분의
작업은 \`exercises/\`에 (메모는 노트북에) 합니다. 강사는 최종 제출물을 추가 검사와 함께 다시 채점합니다.

**과제를 Gradescope로 걷는 수업이라면** 그곳에도 제출하세요: \`exercises/\`의 연습 문제 파일
(${exercises.map((e) => `\`${e.name}.ts\``).join(', ')})을 올리거나, GitHub 저장소나 그 zip 파일을 올리면 됩니다.
Gradescope는 \`npm test\`와 같은 검사에 비공개 검사를 더해 채점하며, 비공개 검사 결과는 강사가 성적을 공개할 때
나타납니다. 링크나 바로 가기가 아닌 실제 파일을 올리세요. 빠진 파일의 연습 문제는 0점입니다.

## 무엇이 어디에

| 폴더 | 내용 |
| --- | --- |
| \`notebooks/\` | 각 장 (한국어) |
| \`exercises/\` | 여러분의 코드: 고치는 파일들 |
| \`src/\` | 각 장에서 쓰는 \`descent\` 라이브러리 (계산 결과가 PyTorch와 일치합니다) |
| \`course/\` | 자동 채점기의 검사, 연습 문제마다 폴더 하나 (읽어 보되 고치지는 마세요) |
| \`kit/\` | 도구: 채점기, 노트북 커널 설정, 책 빌더 |
`;
}
