package schema

import (
	"strconv"
	"unicode"
	"unicode/utf8"

	"scanpage/schema/gtin"
)

// errcodeKeystr is the errcode the create API returns for a bad keystr.
const errcodeKeystr = 61305

// maxQRCodeLen is the longest keystr the API accepts with keystandard qrcode.
const maxQRCodeLen = 20

// A codeFinding is one finding about a product code (the document's keystr
// or a recommended product's), in both languages, ready to be positioned by
// the caller.
type codeFinding struct {
	Severity Severity
	// Code is stable: "keystr." followed by the gtin finding's code
	// ("keystr.check_digit", "keystr.prefix.restricted", "keystr.gtin12",
	// "keystr.chars"…), or keystr.empty, keystr.qrcode.chars and
	// keystr.qrcode.length for keystandard qrcode.
	Code string
	// Errcode is errcodeKeystr for an error, 0 for a warning or a hint: the
	// API rejects a bad keystr with 61305; a caller checking a recommended
	// product may report its own errcode instead.
	Errcode int
	// Message says what was found and what is allowed, in one sentence.
	// It never repeats the code itself, so it cannot misquote it.
	Message Message
	// Fix is the whole corrected code when it is certain, else "".
	Fix string
}

// checkCode checks code as a keystr of the given keystandard: "ean13" or
// "ean8" apply every GTIN rule of package gtin (characters, length, check
// digit, GS1 prefix); "" infers EAN-13 or EAN-8 from the length (for a bare
// code, as barcode drawing gets it); "qrcode" allows 1 to maxQRCodeLen
// characters of [A-Za-z0-9_-] and nothing more is checked. Any other
// standard returns nil: the validator reports keystandard itself, and there
// is no rule to check the code against.
func checkCode(code, standard string) []codeFinding {
	switch standard {
	case gtin.EAN13, gtin.EAN8, "":
	case "qrcode":
		return checkQRCode(code)
	default:
		return nil
	}
	fs := gtin.Check(code, standard)
	if fs == nil {
		return nil
	}
	out := make([]codeFinding, len(fs))
	for i, f := range fs {
		sev := codeSeverity(f.Severity)
		out[i] = codeFinding{Severity: sev, Code: "keystr." + f.Code, Message: codeMessage(f), Fix: f.Fix}
		if sev == Error {
			out[i].Errcode = errcodeKeystr
		}
	}
	return out
}

// CheckCodeIssues is checkCode for an input that is just the code (the
// barcode call): every issue covers the whole code (path "", line 1,
// column 1, offset 0, length the code's length in UTF-16 units), its
// message is in lang and its fix, when there is one, replaces the code.
func CheckCodeIssues(code, standard string, lang Lang) []Issue {
	fs := checkCode(code, standard)
	if fs == nil {
		return nil
	}
	n := units16(code, false)
	issues := make([]Issue, len(fs))
	for i, f := range fs {
		issues[i] = Issue{
			Severity: f.Severity, Code: f.Code, Errcode: f.Errcode,
			Line: 1, Column: 1, Offset: 0, Length: n,
			Message: f.Message.In(lang),
		}
		if f.Fix != "" {
			issues[i].Fix = &Fix{IsText: true, Text: f.Fix, Edit: &Edit{Offset: 0, Length: n, Text: f.Fix}}
		}
	}
	return issues
}

// checkQRCode applies the rule for keystandard qrcode.
func checkQRCode(code string) []codeFinding {
	allowed := Msg("只允许字母 A–Z、a–z、数字 0–9、下划线 _ 和连字符 -，最多 20 个", "only the letters A–Z and a–z, the digits 0–9, _ and - are allowed, at most 20")
	if code == "" {
		return []codeFinding{{Severity: Error, Code: "keystr.empty", Errcode: errcodeKeystr,
			Message: Msg("二维码编码为空；%s。", "The qrcode keystr is empty; %s.", allowed)}}
	}
	var out []codeFinding
	for _, r := range code {
		if r < utf8.RuneSelf && (r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_' || r == '-') {
			continue
		}
		out = append(out, codeFinding{Severity: Error, Code: "keystr.qrcode.chars", Errcode: errcodeKeystr,
			Message: Msg("二维码编码中有%s；%s。", "The qrcode keystr contains %s; %s.", codeChar(r), allowed)})
		break
	}
	if n := utf8.RuneCountInString(code); n > maxQRCodeLen {
		out = append(out, codeFinding{Severity: Error, Code: "keystr.qrcode.length", Errcode: errcodeKeystr,
			Message: Msg("二维码编码有 %d 个字符，最多允许 %d 个。", "The qrcode keystr has %d characters; at most %d are allowed.", n, maxQRCodeLen)})
	}
	return out
}

func codeSeverity(s gtin.Severity) Severity {
	switch s {
	case gtin.Error:
		return Error
	case gtin.Warning:
		return Warning
	}
	return Info
}

// codeMessage words a gtin finding. Each case says what was found and
// what is allowed.
func codeMessage(f gtin.Finding) Message {
	switch f.Code {
	case "empty":
		return Msg("条码为空；%s。", "The barcode is empty; %s.", codeLengthRule(f.Want))
	case "chars":
		r, _ := utf8.DecodeRuneInString(f.Got)
		return Msg("条码中有%s；条码只能由半角数字 0–9 组成，不含空格和连字符。",
			"The barcode contains %s; it may hold only the ASCII digits 0–9, without spaces or hyphens.", codeChar(r))
	case "chars.invalid":
		r, _ := utf8.DecodeRuneInString(f.Got)
		return Msg("条码中有%s；条码只能由数字 0–9 组成。", "The barcode contains %s; it may hold only the digits 0–9.", codeChar(r))
	case "length":
		switch {
		case f.Want == "8" && f.Fix != "":
			return Msg("条码有 %s 位数字；EAN-8 条码应为 8 位，前面的 0 只是补位。",
				"The barcode has %s digits; an EAN-8 has 8, and the leading zeros are only padding.", f.Got)
		case f.Want == "13" && f.Got == "8":
			return Msg("条码有 8 位数字；EAN-13 条码应为 13 位（8 位的是 EAN-8，keystandard 应为 ean8）。",
				"The barcode has 8 digits; an EAN-13 has 13 (8 digits make an EAN-8, keystandard ean8).")
		case f.Want == "8" && f.Got == "13":
			return Msg("条码有 13 位数字；EAN-8 条码应为 8 位（13 位的是 EAN-13，keystandard 应为 ean13）。",
				"The barcode has 13 digits; an EAN-8 has 8 (13 digits make an EAN-13, keystandard ean13).")
		}
		return Msg("条码有 %s 位数字；%s。", "The barcode has %s digits; %s.", f.Got, codeLengthRule(f.Want))
	case "gtin12":
		return Msg("条码有 12 位数字且末位是有效的 UPC-A 校验位，是 UPC-A（GTIN-12），不是缺了校验位的 EAN-13；作为 EAN-13 应在前面加一个 0。",
			"The barcode has 12 digits ending in a valid UPC-A check digit: it is a UPC-A (GTIN-12), not an EAN-13 missing its check digit, and as an EAN-13 it takes a leading 0.")
	case "missing_check_digit":
		if f.Got == "7" {
			return Msg("条码只有 7 位数字，缺了 EAN-8 的校验位；校验位应为 %s。",
				"The barcode has 7 digits: an EAN-8 missing its check digit, which is %s.", f.Want)
		}
		return Msg("条码只有 12 位数字，末位也不是有效的 UPC-A 校验位，应是缺了校验位的 EAN-13；校验位应为 %s。",
			"The barcode has 12 digits and the last is not a valid UPC-A check digit, so it is an EAN-13 missing its check digit, which is %s.", f.Want)
	case "gtin14":
		return Msg("条码有 14 位数字，是指示符为 0 的 GTIN-14；商品条码 EAN-13 是它的后 13 位。",
			"The barcode has 14 digits: a GTIN-14 with indicator 0, whose last 13 digits are the product's EAN-13.")
	case "gtin14.packaging":
		return Msg("条码是指示符为 %s 的 14 位 GTIN-14，标识箱、包等包装层级（ITF-14），不是零售商品；商品主页需要零售包装上的 EAN-13 或 EAN-8。",
			"The barcode is a 14-digit GTIN-14 with indicator %s, which identifies a case or pack (ITF-14), not a retail item; a product page needs the EAN-13 or EAN-8 of the retail unit.", f.Got)
	case "gtin14.variable":
		return Msg("条码是以 9 开头的 14 位 GTIN-14，标识变量计量的贸易项目，不是零售商品；商品主页需要零售包装上的 EAN-13 或 EAN-8。",
			"The barcode is a 14-digit GTIN-14 starting with 9, a variable-measure item, not a retail item; a product page needs the EAN-13 or EAN-8 of the retail unit.")
	case "check_digit":
		return Msg("条码校验位是 %s，应为 %s（GS1 模 10）。", "The check digit is %s, expected %s (GS1 mod 10).", f.Got, f.Want)
	case "prefix.zero":
		return Msg("条码全是 0，GS1 从不分配这样的编码；商品需要 GS1 成员组织（在中国是中国物品编码中心）分配的条码。",
			"The barcode is all zeros, which GS1 never assigns; a product needs a code from a GS1 member organisation (in China, the Article Numbering Centre).")
	case "prefix.restricted":
		if len(f.Got) == 1 {
			return Msg("以 %s 开头的 EAN-8 是店内码（限域流通码），只在分配它的商店或企业内部有效，不能作为商品条码公开使用。",
				"An EAN-8 starting with %s is a restricted-circulation number (in-store or company-internal), valid only where it was assigned, not as a product's public barcode.", f.Got)
		}
		return Msg("%s是店内码（限域流通码），只在分配它的商店或企业内部有效，不能作为商品条码公开使用。",
			"%s is for restricted circulation (in-store and company-internal numbers), valid only where it was assigned, not as a product's public barcode.", codePrefix(f))
	case "prefix.padded_gtin8":
		return Msg("条码以 00000 开头，是补了 0 的 GTIN-8（%s），不是 EAN-13；应作为 EAN-8 使用（keystandard 为 ean8）。",
			"The barcode starts with 00000: it is the GTIN-8 %s padded with zeros, not an EAN-13, and should be used as an EAN-8 (keystandard ean8).", f.Want)
	case "prefix.reserved":
		return Msg("%s是 GS1 保留的区段，不分配给商品。", "%s is reserved by GS1 and not assigned to products.", codePrefix(f))
	case "prefix.unassigned":
		return Msg("%s未分配给任何 GS1 成员组织；正规的商品条码以已分配的前缀开头（中国为 690–699、680–681）。",
			"%s is not assigned to any GS1 member organisation; genuine product codes start with an assigned prefix (690–699 and 680–681 in China).", codePrefix(f))
	case "prefix.global_office":
		return Msg("%s属于 GS1 全球办公室，用于特殊用途和没有 GS1 成员组织的国家和地区；请确认这个条码确实分配给了该商品。",
			"%s belongs to GS1 Global Office, for special applications and countries without a GS1 member organisation; make sure this code was really assigned to this product.", codePrefix(f))
	case "prefix.epc":
		return Msg("%s专用于 EPC 通用标识符（GID），不能用作商品条码。",
			"%s is reserved for EPC General Identifiers (GID), not for product barcodes.", codePrefix(f))
	case "prefix.demo":
		return Msg("%s专用于 GS1 的演示和示例；真实商品应使用自己的条码。",
			"%s is for GS1 demonstrations and examples; a real product needs a code of its own.", codePrefix(f))
	case "prefix.gtin8_range":
		return Msg("%s只用于分配 GTIN-8（EAN-8），不能作为 EAN-13 的前缀。",
			"%s is used only to allocate GTIN-8 (EAN-8) codes, never as an EAN-13 prefix.", codePrefix(f))
	case "prefix.issn":
		return Msg("%s表示期刊（ISSN），由 ISSN 中心而不是 GS1 成员组织分配。",
			"%s marks a periodical (ISSN), assigned by an ISSN centre rather than a GS1 member organisation.", codePrefix(f))
	case "prefix.isbn":
		if f.Org == "ISMN" {
			return Msg("%s表示乐谱（ISMN），由 ISMN 机构而不是 GS1 成员组织分配。",
				"%s marks printed music (ISMN), assigned by an ISMN agency rather than a GS1 member organisation.", codePrefix(f))
		}
		return Msg("%s表示图书（ISBN），由 ISBN 机构而不是 GS1 成员组织分配。",
			"%s marks a book (ISBN), assigned by an ISBN agency rather than a GS1 member organisation.", codePrefix(f))
	case "prefix.refund":
		return Msg("%s用于退款凭证，不能用作商品条码。", "%s is for refund receipts, not for products.", codePrefix(f))
	case "prefix.coupon":
		return Msg("%s用于优惠券，不能用作商品条码。", "%s is for coupons, not for products.", codePrefix(f))
	case "prefix.outside_china":
		if f.Range != f.Got {
			return Msg("前缀 %s 属于 %s（%s），不属于 GS1 China；2016 年的扫一扫服务只接受 69 开头的中国条码。",
				"Prefix %s belongs to %s (%s), not GS1 China; the 2016 scan service admitted only Chinese codes starting with 69.", f.Got, f.Org, f.Range)
		}
		return Msg("前缀 %s 属于 %s，不属于 GS1 China；2016 年的扫一扫服务只接受 69 开头的中国条码。",
			"Prefix %s belongs to %s, not GS1 China; the 2016 scan service admitted only Chinese codes starting with 69.", f.Got, f.Org)
	}
	return Msg("条码未通过检查（%s）。", "The barcode failed a check (%s).", f.Code)
}

// codeLengthRule states the length a standard allows; want is a gtin
// finding's Want: "13", "8" or "8 or 13".
func codeLengthRule(want string) Message {
	switch want {
	case "13":
		return Msg("EAN-13 条码应为 13 位数字", "an EAN-13 has 13 digits")
	case "8":
		return Msg("EAN-8 条码应为 8 位数字", "an EAN-8 has 8 digits")
	}
	return Msg("条码应为 13 位（EAN-13）或 8 位（EAN-8）数字", "a barcode has 13 digits (EAN-13) or 8 (EAN-8)")
}

// codePrefix names the prefix of a prefix finding at the start of a
// sentence: "前缀 211（200–299）" / "Prefix 211 (200–299)", without the
// range when it is the prefix itself.
func codePrefix(f gtin.Finding) Message {
	if f.Range == "" || f.Range == f.Got {
		return Msg("前缀 %s ", "Prefix %s", f.Got)
	}
	return Msg("前缀 %s（%s）", "Prefix %s (%s)", f.Got, f.Range)
}

// codeChar names a character found in a code, in a way that survives being
// shown: visible characters quoted, spaces and invisible ones by name and
// code point.
func codeChar(r rune) Message {
	q := strconv.Quote(string(r))
	switch {
	case r >= '０' && r <= '９':
		return Msg("全角数字 %s", "the full-width digit %s", q)
	case r == ' ':
		return Msg("空格", "a space")
	case unicode.IsSpace(r):
		return Msg("特殊空白字符（U+%04X）", "a special space character (U+%04X)", r)
	case r == '-':
		return Msg("连字符 \"-\"", "a hyphen \"-\"")
	case unicode.Is(unicode.Pd, r) || r == '\u2212':
		return Msg("连字符或破折号 %s（U+%04X）", "the dash %s (U+%04X)", q, r)
	case r == utf8.RuneError:
		return Msg("无效的字节或替换字符（U+FFFD）", "an invalid byte or replacement character (U+FFFD)")
	case !unicode.IsPrint(r) || unicode.Is(unicode.Cf, r):
		return Msg("不可见字符（U+%04X）", "the invisible character U+%04X", r)
	}
	return Msg("字符 %s", "the character %s", q)
}
