/** `compare --original`: a name outside quotations that the aligned original sentences lack (found in original-facts.ts). */
import {defineOriginalCheck} from './original-check.js'

export const changedNameCheck = defineOriginalCheck('changed-name', 'A name outside quotations that the aligned original sentences lack.', {
  bad: [
    {
      original: 'Marta Lindqvist, who has lived on Ferry Lane for 41 years, said her street flooded four times in the last decade.',
      derived: 'Marta Lindgren, who has lived on Ferry Lane for 41 years, said her street flooded four times in the last decade.',
      findings: [
        {range: '1:7-1:15', actual: 'Lindgren', message: 'Unexpected name `Lindgren` that the original lacks, expected `Lindqvist` (line 1, column 1 of the original)', severity: 'major', fix: 'Lindqvist', safe: false}
      ]
    },
    {
      original: 'Officials in Geneva met for about 90 minutes on Friday. The talks did not produce an agreement.',
      derived: 'Officials in Vienna met for about 90 minutes on Friday. The talks did not produce an agreement.',
      findings: [
        {range: '1:14-1:20', actual: 'Vienna', message: 'Unexpected name `Vienna` that the original lacks, expected `Geneva` (line 1, column 1 of the original)', severity: 'major', fix: 'Geneva', safe: false}
      ]
    }
  ],
  good: [
    {
      original: 'Residents of the Eastbank district, which sits just below the proposed wall, packed the council chamber.',
      derived: 'Residents of the Eastbank district packed the council chamber. The district sits just below the proposed wall.',
      why: 'a sentence split in two keeps its names'
    },
    {
      original: 'Mayor Elena Vasquez, who had pushed for the project since the storm of 2019, called the vote a promise.',
      derived: 'Elena Vasquez, the mayor, had pushed for the project since the storm of 2019 and called the vote a promise.',
      why: 'the same name, its title paraphrased'
    }
  ]
})
