/**
 * The calibrated weight of each check and rule in a `compare` score, fitted on
 * professional MQM ratings by measure/fit-weights.ts (figures in
 * reports/compare-weights.md). A check or rule missing here weighs its
 * severity's weight of the configuration.
 */
import data from './weights.json' with {type: 'json'}

export const calibratedWeights: Readonly<Record<string, number>> = data.weights
