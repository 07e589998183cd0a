/** `compare --original`: a number outside quotations that the aligned original sentences lack (found in original-facts.ts). */
import {defineOriginalCheck} from './original-check.js'

export const changedNumberCheck = defineOriginalCheck('changed-number', 'A number outside quotations that the aligned original sentences lack.', {
  bad: [
    {
      original: 'The wall will stretch 4.2 kilometers from the ferry terminal to the old grain docks and is expected to cost $38 million.',
      derived: 'The wall will run 4.2 kilometers from the ferry terminal to the old grain docks and is expected to cost $48 million.',
      findings: [
        {range: '1:106-1:108', actual: '48', message: 'Unexpected number `48` that the original lacks, expected `38` (line 1, column 1 of the original)', severity: 'major', fix: '38', safe: false}
      ]
    },
    {
      original: 'Residents packed the council chamber. More than 200 people signed up to speak, and the meeting ran past midnight.',
      derived: 'Residents packed the council chamber. More than 300 people signed up to speak, and the meeting ran past midnight.',
      findings: [
        {range: '1:49-1:52', actual: '300', message: 'Unexpected number `300` that the original lacks, expected `200` (line 1, column 39 of the original)', severity: 'major', fix: '200', safe: false}
      ]
    },
    {
      original: 'The fund has 2 million dollars and $1.5 billion in loans.',
      derived: 'The fund has 3,000,000 dollars and $1.5 billion in loans.',
      findings: [
        {range: '1:14-1:23', actual: '3,000,000', message: 'Unexpected number `3,000,000` that the original lacks, expected `2 million` (line 1, column 1 of the original)', severity: 'major', fix: '2 million', safe: false}
      ]
    }
  ],
  good: [
    {
      original: 'The conflict has claimed 14,000 lives. Two diplomats met in Geneva.',
      derived: 'In Geneva, 2 diplomats met. The conflict has killed 14000 people.',
      why: 'a spelled-out number, a thousands separator and sentences in another order'
    },
    {
      original: 'The state’s coastal resilience fund has already committed $29 million. The remaining $9 million is to come from a bond that voters approved in November.',
      derived: 'The state’s coastal resilience fund has already committed $29 million, while the remaining $9 million is to come from a bond approved by voters in November.',
      why: 'two sentences merged into one keep their numbers'
    },
    {
      original: 'The fund has 2 million dollars and $1.5 billion in loans.',
      derived: 'The fund has 2,000,000 dollars and $1.5 billion in loans.',
      why: '"2 million" and "2,000,000" are one number'
    }
  ]
})
