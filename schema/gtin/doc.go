// Package gtin validates Global Trade Item Numbers as printed under EAN-13
// and EAN-8 barcodes: the GS1 check digit, what a length means (a 12-digit
// code is a UPC-A, not an EAN-13 without its check digit) and what the GS1
// prefix says about where the code may be used.
//
// [Check] runs every rule and returns [Finding] values in a fixed order:
// characters, then length, then check digit, then prefix. Each finding has a
// stable Code, a [Severity] and, when the correction is certain, the whole
// corrected code as Fix. The package knows nothing of languages or JSON;
// package schema turns findings into messages.
//
// The smaller functions are the rules on their own: [CheckDigit] (GS1
// mod 10), [Clean] (full-width digits, spaces and hyphens), [Classify13] and
// [Classify8] (the GS1 prefix table), [FirmCodeLength] (China's GB 12904) and
// [GTIN14] (the 14-digit form used by GS1 Digital Link).
//
// Sources: GS1 General Specifications §3.2 (check digit), §1.4.4 (GS1
// prefixes) and §2.1 (GTIN lengths); the GS1 company prefix list at
// https://www.gs1.org/standards/id-keys/company-prefix; GB 12904-2008.
package gtin
