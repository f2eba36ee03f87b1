// The order vitest starts test files in: its own (slowest first by the last run's times, else largest first), except
// that the Chromium journey files are kept apart. Two at once (each a browser, the whole local stack and the demo
// data) took about 150 s each on 2 cores, both workers held behind them. So the first starts first, and the others
// start once half of the other files have (by then the larger ones): late enough not to meet the first, early enough
// that ordinary files still run beside them rather than one worker idling at the end while the last journey runs.
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const isJourney = (file: TestSpecification) => file.moduleId.includes('/tests/browser/');

export default class JourneysApart extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const [first, ...later] = sorted.filter(isJourney);
    const others = sorted.filter((f) => !isJourney(f));
    const half = Math.ceil(others.length / 2);
    return [...(first ? [first] : []), ...others.slice(0, half), ...later, ...others.slice(half)];
  }
}
