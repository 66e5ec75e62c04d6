package gtin_test

import (
	"fmt"

	"scanpage/schema/gtin"
)

func ExampleCheck() {
	// The WeChat API doc's own sample code has the wrong check digit.
	for _, f := range gtin.Check("6900000000000", gtin.EAN13) {
		fmt.Printf("%s %s: got %s, want %s; fix %s\n", f.Severity, f.Code, f.Got, f.Want, f.Fix)
	}
	// Output:
	// error check_digit: got 0, want 7; fix 6900000000007
}

func ExampleCheck_upcA() {
	// Twelve digits with a valid UPC-A check digit are a GTIN-12.
	for _, f := range gtin.Check("036000291452", gtin.EAN13) {
		fmt.Printf("%s %s %q %q\n", f.Severity, f.Code, f.Fix, f.Org)
	}
	// Output:
	// error gtin12 "0036000291452" ""
	// info prefix.outside_china "" "GS1 US"
}

func ExampleCheckDigit() {
	c, _ := gtin.CheckDigit("629104150021")
	fmt.Println(string(c))
	// Output: 3
}

func ExampleClassify13() {
	p := gtin.Classify13("4512345678906")
	fmt.Println(p.Class, p.Range, p.Org)
	// Output: member 450–459 GS1 Japan
}

func ExampleGTIN14() {
	g, _ := gtin.GTIN14("96385074")
	fmt.Println("https://id.gs1.org/01/" + g)
	// Output: https://id.gs1.org/01/00000096385074
}
