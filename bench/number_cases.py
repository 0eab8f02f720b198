"""Number reading cases: the English cardinal cases of three public test suites, and our own.

Each suite's cases were read from its public test files and kept where they fit counts in news
(cardinals a reporter writes); each is set in a sentence we invented. What we left out, and why:
decimals spoken as words ("twelve point ninety-nine"), signed numbers ("minus fifteen"), digit
strings spoken one by one ("zero nine sixty"), fractions written as "142/11", bare scale words
with no number before them ("hundred", "thousand", "hundred fifteen": no reporter writes a count
so), non-standard plurals ("seventy-five thousands"), "zero" (a zero claim, read by the claims
layer, not the number reader), Roman numerals and other languages.

Two tables:
- SENTENCES: (suite, sentence, figures) - every figure `find_quantities` must read in the
  sentence, in order (the stated figure; the lower bound for a vague amount or range). An empty
  tuple is a negative: the sentence holds no count (an ordinal, a pronoun "one", a measure, an
  absurd figure beyond any plausible count).
- PHRASES: (suite, words, value) - `parse_number` on a whole phrase; None where the words are not
  one well-formed number ("sixty fifteen", "million million").

Figures above 10^10 (`numbers.MAX_COUNT`) are not counts of people or things in any story, so a
suite's 53-billion case is a negative here: the reader must give no figure, not a smaller one.
"""

from __future__ import annotations

from make_corpus import ONES, TENS

TEXT2NUM = "text2num"
NUMBER_PARSER = "number-parser"
WORD2NUMBER = "word2number"
OURS = "ours"

# Invented news sentences to set a suite's number phrase in; cycled through in order.
TEMPLATES = (
    "Officials said {} people were killed in the attack.",
    "The ministry put the number of displaced at {}.",
    "{} people were wounded, police said.",
    "At the camp, {} families remain without shelter.",
    "Rescuers said they had recovered {} bodies by Sunday.",
)

# Cardinal phrases from the suites, with the value the suite expects.
_SUITE_PHRASES: list[tuple[str, str, int]] = [
    # allo-media/text2num, tests/test_text_to_num_en.py (text2num)
    (TEXT2NUM, "fifty-three billion two hundred forty-three thousand seven hundred twenty-four", 53_000_243_724),
    (TEXT2NUM, "fifty-one million five hundred seventy-eight thousand three hundred two", 51_578_302),
    (TEXT2NUM, "eighty-five", 85),
    (TEXT2NUM, "eighty-one", 81),
    (TEXT2NUM, "fifteen", 15),
    (TEXT2NUM, "one hundred fifteen", 115),
    (TEXT2NUM, "nineteen hundred seventy-three", 1973),
    # scrapinghub/number-parser, tests/test_language_en.py and tests/test_number_parsing.py
    (NUMBER_PARSER, "eleven", 11),
    (NUMBER_PARSER, "nineteen", 19),
    (NUMBER_PARSER, "one hundred and forty two", 142),
    (NUMBER_PARSER, "two thousand and nineteen", 2_019),
    (NUMBER_PARSER, "two million three thousand and nineteen", 2_003_019),
    (NUMBER_PARSER, "two million twenty three thousand and forty nine", 2_023_049),
    (NUMBER_PARSER, "two million three thousand nine hundred and eighty four", 2_003_984),
    (NUMBER_PARSER, "three billion", 3_000_000_000),
    (NUMBER_PARSER, "three million", 3_000_000),
    (NUMBER_PARSER, "one hundred twenty three million four hundred fifty six thousand seven hundred and eighty nine", 123_456_789),
    (NUMBER_PARSER, "nineteen billion and nineteen", 19_000_000_019),
    (NUMBER_PARSER, "100000", 100_000),
    (NUMBER_PARSER, "12341252352314", 12_341_252_352_314),
    (NUMBER_PARSER, "two hundred thousand", 200_000),
    (NUMBER_PARSER, "seventy-five thousand", 75_000),
    # akshaynagpal/w2n, unit_testing.py (word2number)
    (WORD2NUMBER, "two million three thousand nine hundred and eighty four", 2_003_984),
    (WORD2NUMBER, "two thousand and nineteen", 2_019),
    (WORD2NUMBER, "two million three thousand and nineteen", 2_003_019),
    (WORD2NUMBER, "three billion", 3_000_000_000),
    (WORD2NUMBER, "one hundred twenty three million four hundred fifty six thousand seven hundred and eighty nine", 123_456_789),
    (WORD2NUMBER, "eleven", 11),
    (WORD2NUMBER, "nineteen billion and nineteen", 19_000_000_019),
    (WORD2NUMBER, "one hundred and forty two", 142),
    (WORD2NUMBER, "112", 112),
    (WORD2NUMBER, "11211234", 11_211_234),
    (WORD2NUMBER, "five", 5),
    (WORD2NUMBER, "two million twenty three thousand and forty nine", 2_023_049),
    (WORD2NUMBER, "one hundred thirty-five", 135),
]  # fmt: skip

# number-parser, tests/data/hundreds/en_hundred_clevert.csv (1..100; 0 is a zero claim, see above)
# The number words make_corpus.py spells figures with: one list for the whole bench.
_UNITS = ONES[1:20]
_TENS = TENS[2:]
_HUNDRED_FILE = [(n, _UNITS[n - 1].capitalize()) for n in range(1, 20)]
_HUNDRED_FILE += [
    (10 * t + u, (_TENS[t - 2] + (f"-{_UNITS[u - 1]}" if u else "")).capitalize())
    for t in range(2, 10)
    for u in range(10)
]
_HUNDRED_FILE.append((100, "One hundred"))
_SUITE_PHRASES += [(NUMBER_PARSER, words, n) for n, words in _HUNDRED_FILE]

# number-parser, tests/data/permutations/en_permutations_tools4noobs.csv (all 22 rows)
_PERMUTATIONS = [
    (1234, "one thousand two hundred thirty-four"),
    (23451, "twenty-three thousand four hundred fifty-one"),
    (345612, "three hundred forty-five thousand six hundred twelve"),
    (4567123, "four million five hundred sixty-seven thousand one hundred twenty-three"),
    (56781234, "fifty-six million seven hundred eighty-one thousand two hundred thirty-four"),
    (678912345, "six hundred seventy-eight million nine hundred twelve thousand three hundred forty-five"),
    (7890123456, "seven billion eight hundred ninety million one hundred twenty-three thousand four hundred fifty-six"),
    (89091234567, "eighty-nine billion ninety-one million two hundred thirty-four thousand five hundred sixty-seven"),
    (909812345678, "nine hundred nine billion eight hundred twelve million three hundred forty-five thousand six hundred seventy-eight"),
    (987123456789, "nine hundred eighty-seven billion one hundred twenty-three million four hundred fifty-six thousand seven hundred eighty-nine"),
    (98761234567890, "ninety-eight trillion seven hundred sixty-one billion two hundred thirty-four million five hundred sixty-seven thousand eight hundred ninety"),
    (876512345678909, "eight hundred seventy-six trillion five hundred twelve billion three hundred forty-five million six hundred seventy-eight thousand nine hundred nine"),
    (7654123456789098, "seven quadrillion six hundred fifty-four trillion one hundred twenty-three billion four hundred fifty-six million seven hundred eighty-nine thousand ninety-eight"),
    (65431234567890987, "sixty-five quadrillion four hundred thirty-one trillion two hundred thirty-four billion five hundred sixty-seven million eight hundred ninety thousand nine hundred eighty-seven"),
    (543212345678909876, "five hundred forty-three quadrillion two hundred twelve trillion three hundred forty-five billion six hundred seventy-eight million nine hundred nine thousand eight hundred seventy-six"),
    (4321123456789098765, "four quintillion three hundred twenty-one quadrillion one hundred twenty-three trillion four hundred fifty-six billion seven hundred eighty-nine million ninety-eight thousand seven hundred sixty-five"),
    (32101234567890987654, "thirty-two quintillion one hundred one quadrillion two hundred thirty-four trillion five hundred sixty-seven billion eight hundred ninety million nine hundred eighty-seven thousand six hundred fifty-four"),
    (210012345678909876543, "two hundred ten quintillion twelve quadrillion three hundred forty-five trillion six hundred seventy-eight billion nine hundred nine million eight hundred seventy-six thousand five hundred forty-three"),
    (1000123456789098765432, "one sextillion one hundred twenty-three quadrillion four hundred fifty-six trillion seven hundred eighty-nine billion ninety-eight million seven hundred sixty-five thousand four hundred thirty-two"),
    (1234567890987654321, "one quintillion two hundred thirty-four quadrillion five hundred sixty-seven trillion eight hundred ninety billion nine hundred eighty-seven million six hundred fifty-four thousand three hundred twenty-one"),
    (12345678909876543210, "twelve quintillion three hundred forty-five quadrillion six hundred seventy-eight trillion nine hundred nine billion eight hundred seventy-six million five hundred forty-three thousand two hundred ten"),
    (123456789098765432100, "one hundred twenty-three quintillion four hundred fifty-six quadrillion seven hundred eighty-nine trillion ninety-eight billion seven hundred sixty-five million four hundred thirty-two thousand one hundred"),
]  # fmt: skip
_SUITE_PHRASES += [(NUMBER_PARSER, words, n) for n, words in _PERMUTATIONS]

MAX_COUNT = 10**10  # the reader's ceiling (numbers.MAX_COUNT); restated so the table stands alone

SENTENCES: list[tuple[str, str, tuple[float, ...]]] = [
    (suite, TEMPLATES[i % len(TEMPLATES)].format(words), (value,) if value <= MAX_COUNT else ())
    for i, (suite, words, value) in enumerate(_SUITE_PHRASES)
]

SENTENCES += [
    # the suites' sentence cases (text2num's alpha2digit, number-parser's parse)
    (TEXT2NUM, "twenty-five cows, twelve chickens and one hundred twenty five kg of potatoes.", (25, 12, 125)),
    (TEXT2NUM, "one thousand two hundred sixty-six dollars.", (1266,)),
    (TEXT2NUM, "one two three four twenty fifteen", (1, 2, 3, 4, 20, 15)),
    (TEXT2NUM, "twenty-one, thirty-one.", (21, 31)),
    (TEXT2NUM, "fifty sixty thirty and eleven", (50, 60, 30, 11)),
    (TEXT2NUM, "Twenty one cats.", (21,)),
    (TEXT2NUM, "FIFTEEN ONE TEN ONE", (15, 1, 10, 1)),
    (TEXT2NUM, "This is the one I'm looking for.", ()),
    (TEXT2NUM, "No one is innocent.", ()),
    (TEXT2NUM, "Another one bites the dust.", ()),
    (TEXT2NUM, "Fifth third second twenty-first hundredth one thousand two hundred thirtieth twenty-fifth thirty-eighth forty-ninth.", ()),
    (TEXT2NUM, "first, second, third, fourth, fifth, sixth, seventh, eighth, ninth, tenth.", ()),
    (NUMBER_PARSER, "I have eight cows three bulls and seven hundred and twelve million dollars", (8, 3, 712_000_000)),
    (NUMBER_PARSER, "They just won seventy-five thousand dollars", (75_000,)),
    (NUMBER_PARSER, "I have eight cows. I don't have eighteen cows", (8, 18)),
    (NUMBER_PARSER, "thirty-four cows = thirty four cows", (34, 34)),
    (NUMBER_PARSER, "thirty       four       cows = thirty four cows", (34, 34)),
    (NUMBER_PARSER, "one two three four twenty, five.", (1, 2, 3, 4, 20, 5)),
    (NUMBER_PARSER, "fifty one . sixty two . seventy three .", (51, 62, 73)),
    (NUMBER_PARSER, "one hundred five. two thousand eight .", (105, 2008)),
    (NUMBER_PARSER, "SeVentY THREE days of SUMMER!!!.", (73,)),
    (NUMBER_PARSER, "eleventh day of summer", ()),
    (NUMBER_PARSER, "the one hundred and forty second day", ()),
    (NUMBER_PARSER, "with goldsmith", ()),
    # ours: large numbers as reporters write them
    (OURS, "Officials said two hundred thousand people had fled the fighting.", (200_000,)),
    (OURS, "One thousand two hundred people were evacuated overnight.", (1_200,)),
    (OURS, "A million people have been displaced, the UN said.", (1_000_000,)),
    (OURS, "Half a million people fled the city within a week.", (500_000,)),
    (OURS, "The agency said nearly half a million people had fled.", (500_000,)),
    (OURS, "A quarter of a million people were left homeless.", (250_000,)),
    (OURS, "Three quarters of a million homes lost power.", (750_000,)),
    (OURS, "One and a half million people have fled since March.", (1_500_000,)),
    (OURS, "A million and a half people have fled since March.", (1_500_000,)),
    (OURS, "The floods displaced 1.5 million people.", (1_500_000,)),
    (OURS, "Some 4.6 million people need food aid.", (4_600_000,)),
    (OURS, "Two dozen people were wounded in the blast.", (24,)),
    (OURS, "Half a dozen soldiers were killed at the checkpoint.", (6,)),
    (OURS, "1.2M people need shelter, the agency said.", (1_200_000,)),
    (OURS, "About 3.5m people have fled the region.", (3_500_000,)),
    (OURS, "Drought has hit 2bn people across the region.", (2_000_000_000,)),
    (OURS, "The rally drew 10k people, organisers said.", (10_000,)),
    (OURS, "The quake affected 45 mln people, the ministry said.", (45_000_000,)),
    (OURS, "Around 2.5 billion people lack safe water.", (2_500_000_000,)),
    # South Asian English: lakhs (100,000) and crores (10,000,000), in words and after digits.
    (OURS, "More than five lakh people have been evacuated to safety.", (500_000,)),
    (OURS, "Nearly 2.5 lakh people were moved to relief camps.", (250_000,)),
    (OURS, "One lakh twenty thousand people fled the floods.", (120_000,)),
    (OURS, "The floods affected 1.2 crore people across the state.", (12_000_000,)),
    (OURS, "Two crore fifty lakh people were affected.", (25_000_000,)),
    (OURS, "A hundred thousand people rallied in the capital.", (100_000,)),
    (OURS, "Twelve hundred people were arrested during the protests.", (1_200,)),
    (OURS, "Twenty-five thousand people were evacuated from the coast.", (25_000,)),
    (OURS, "At least one hundred and fifty people died.", (150,)),
    (OURS, "Nine hundred and ninety-nine people were rescued.", (999,)),
    (OURS, "Two-hundred people were arrested, and twenty-thousand fled.", (200, 20_000)),
    (OURS, "Between two and three thousand people fled.", (2_000,)),
    (OURS, "Officials said 2 to 3 million people were displaced.", (2_000_000,)),
    (OURS, "Two to three dozen homes were destroyed.", (24,)),
    (OURS, "Tens of thousands of people marched on Sunday.", (20_000,)),
    (OURS, "Hundreds of thousands of people were displaced.", (200_000,)),
    (OURS, "Several hundred people were detained.", (300,)),
    (OURS, "A few thousand protesters gathered outside.", (2_000,)),
    (OURS, "Several dozen homes were destroyed.", (36,)),
    (OURS, "Millions of people were displaced by the war.", (2_000_000,)),
    (OURS, "The war has killed tens of thousands.", (20_000,)),
    (OURS, "Tens of millions of people need aid.", (20_000_000,)),
    (OURS, "A few hundred thousand people fled.", (200_000,)),
    (OURS, "One person was killed and 12 were injured.", (1, 12)),
    (OURS, "Only one person survived the crash.", (1,)),
    (OURS, "One of the wounded died in hospital.", (1,)),
    (OURS, "The ministry said that one more man had died of his wounds.", (1,)),
    # ours: no count here
    (OURS, "The twenty-first century began badly for the town.", ()),
    (OURS, "It was the one hundredth day of the siege.", ()),
    (OURS, "It was the two hundred and first day of the war.", ()),
    (OURS, "She finished fifth in the race.", ()),
    (OURS, "He was the one who called the police.", ()),
    (OURS, "No one was hurt, the police said.", ()),
    (OURS, "The neighbours helped one another.", ()),
    (OURS, "Every one of them was a volunteer.", ()),
    (OURS, "This one was different, the commander said.", ()),
    (OURS, "It was a one-off event, officials said.", ()),
    (OURS, "The 3.5m high wall collapsed.", ()),
    (OURS, "The crater was 5m deep.", ()),
    (OURS, "The hotline is open 24/7.", ()),
    (OURS, "Version 1.2.3 of the app was released.", ()),
    (OURS, "The £3.5m fund will help the families.", ()),
    (OURS, "A reward of $50,000 was offered.", ()),
    (OURS, "10^40 people were killed, the post claimed.", ()),
    (OURS, "1e400 people were killed, the post claimed.", ()),
    (OURS, "10**40 people were killed, the post claimed.", ()),
    (OURS, "Seven trillion people were killed, the post claimed.", ()),
    (OURS, "The toll was 1,000,000,000,000 people, the post claimed.", ()),
    (OURS, "123456789012345678901234567890123456789012345678901234567890 people were killed.", ()),
    (OURS, "9" * 5000 + " people were killed.", ()),
    (OURS, "The ratio was put at 1,5 in the report.", ()),
]  # fmt: skip

PHRASES: list[tuple[str, str, float | None]] = [
    (TEXT2NUM, "sixty fifteen", None),
    (TEXT2NUM, "sixty hundred", None),
    (TEXT2NUM, "thousand thousand two hundreds", None),
    (TEXT2NUM, "five zero", None),
    (TEXT2NUM, "fifty zero three", None),
    (NUMBER_PARSER, "1 2", None),
    (NUMBER_PARSER, "twenty 1", None),
    (NUMBER_PARSER, "example of sentence", None),
    (NUMBER_PARSER, "", None),
    (NUMBER_PARSER, "with goldsmith", None),
    (NUMBER_PARSER, "th th", None),
    (NUMBER_PARSER, "fifth fiftieth", None),
    (WORD2NUMBER, "112-", None),
    (WORD2NUMBER, "-", None),
    (WORD2NUMBER, "on", None),
    (WORD2NUMBER, "million million", None),
    (WORD2NUMBER, "three million million", None),
    (WORD2NUMBER, "million four million", None),
    (WORD2NUMBER, "thousand million", None),
    (WORD2NUMBER, "seventh point nineteen", None),
    (OURS, "two hundred thousand", 200_000),
    (OURS, "one thousand two hundred", 1_200),
    (OURS, "half a million", 500_000),
    (OURS, "a quarter of a million", 250_000),
    (OURS, "two dozen", 24),
    (OURS, "1.2M", 1_200_000),
    (OURS, "3.5m", 3_500_000),
    (OURS, "2bn", 2_000_000_000),
    (OURS, "4.6 million", 4_600_000),
    (OURS, "1e400", None),
    (OURS, "9" * 60, None),
    (OURS, "9" * 5000, None),
]  # fmt: skip
