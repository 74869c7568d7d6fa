import assert from 'node:assert/strict';
import { test } from 'node:test';
import { median } from './stats.mjs';

test('median: the middle value, the mean of the two middle ones, missing values left out', () => {
  assert.equal(median([3, 1, 2]), 2);
  assert.equal(median([4, 1, 3, 2]), 2.5);
  assert.equal(median([5, null, 1, Number.NaN, 3]), 3);
  assert.equal(median([]), null);
  assert.equal(median([null]), null);
  // The input is not reordered.
  const xs = [3, 1, 2];
  median(xs);
  assert.deepEqual(xs, [3, 1, 2]);
});
