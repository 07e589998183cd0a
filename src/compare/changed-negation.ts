/** `compare --original`: a sentence whose negation outside quotations differs from the aligned original sentence (found in original-facts.ts). */
import {defineOriginalCheck} from './original-check.js'

export const changedNegationCheck = defineOriginalCheck('changed-negation', 'A sentence whose negation differs from the aligned original sentence.', {
  bad: [
    {
      original: 'Mayor Elena Vasquez spoke after the vote. She told reporters after the meeting that the city would not raise property taxes to pay for it.',
      derived: 'Mayor Elena Vasquez spoke after the vote. She told reporters after the meeting that the city would raise property taxes to pay for it.',
      findings: [
        {range: '1:43-1:135', actual: 'She told reporters after the meeting that the city would raise property taxes to pay for it.', message: 'Unexpected sentence whose negation differs from the original, expected the negation of the original (line 1, column 43 of the original)', severity: 'major', fix: 'She told reporters after the meeting that the city would not raise property taxes to pay for it.', safe: false}
      ]
    },
    {
      original: 'Councilman Darius Okafor warned that the wall could push floodwater toward neighborhoods downstream.',
      derived: 'Councilman Darius Okafor warned that the wall could not push floodwater toward neighborhoods downstream.',
      findings: [
        {range: '1:53-1:56', actual: 'not', message: 'Unexpected negation `not` that the original lacks, expected the statement the original makes (line 1, column 1 of the original)', severity: 'major'}
      ]
    }
  ],
  good: [
    {
      original: 'Not everyone was persuaded. Okafor voted against the plan.',
      derived: 'Not everyone was convinced. Okafor voted against the plan.',
      why: 'the same negation with another verb'
    },
    {
      original: 'Lindqvist said: “I am not against the wall. I am against being forgotten.”',
      derived: 'Lindqvist said: “I am against the wall. I am against being forgotten.”',
      why: 'a negation dropped inside a quotation is quote-integrity’s finding'
    }
  ]
})
