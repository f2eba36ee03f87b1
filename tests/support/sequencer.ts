// The order vitest starts test files in: its own (slowest first by the last run's times, else largest first), except
// that the Chromium journey files are kept apart: the first starts first and the others wait until the end. Two of
// them at once (each a browser, the whole local stack and the demo data) took about 150 s each on 2 cores, with the
// other worker idle behind them; apart, each runs beside ordinary test files.
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const isJourney = (file: TestSpecification) => file.moduleId.includes('/tests/browser/');

export default class JourneysApart extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const [first, ...later] = sorted.filter(isJourney);
    return [...(first ? [first] : []), ...sorted.filter((f) => !isJourney(f)), ...later];
  }
}
