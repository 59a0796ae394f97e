// Package names folds people's names written in Cyrillic (Russian and
// Kazakh), Latin (with diacritics, Kazakh 2021 Latin, passport spellings)
// and Persian in Arabic script into forms that record linkage compares and
// blocks on:
//
//   - Fold normalises the text without changing its script.
//   - Latin transliterates it to plain a–z, for comparators such as
//     Jaro–Winkler.
//   - Key reduces it to a coarse consonant skeleton on which spelling
//     variants of one name meet, for blocking and candidate search.
//   - Surname undoes the male and female forms and the spellings of family
//     name endings; Patronymic finds the father's name in a patronymic.
//   - Digits reads digits of any script, for identity numbers.
//
// All functions are pure, safe for concurrent use, and allocate at most
// their result for names of ordinary length; the Append forms write into a
// caller's buffer instead.
//
// Sources of the letter tables: ICAO Doc 9303 "Machine Readable Travel
// Documents", Part 3, section on the transliteration of Cyrillic (the
// Russian passport table); the Kazakh Latin alphabet as revised in January
// 2021 (ә ä, ғ ğ, қ q, ң ñ, ө ö, ұ ū, ү ü, ш ş, ы y, і ı), as listed in
// "Kazakh alphabets", Wikipedia; the Persian alphabet with the DIN 31635
// transliteration and the Persian pronunciation of the Arabic letters (ث ص
// as s, ذ ض ظ as z, ط as t, ح as h), as listed in "Persian alphabet",
// Wikipedia.
//
// What the key cannot do is written down in the tests: TestKeyKnownCollisions
// lists different names that share a key (Hasan and Hossein, Ali and Alia,
// Zahra and Zohreh, Mohammad and Mahmoud), which the comparators of the
// linkage engine separate on the Latin form and the other fields.
package names
