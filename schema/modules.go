package schema

// modules applies the rules of module_info.module_list a schema cannot
// say: each type at most once (63161), the forms of native_show and
// anti_fake_url that the schema tolerates and that are probably slips.
func (c *checker) modules(list *Node) {
	seen := map[string]*Node{}
	for _, m := range items(list) {
		if m.Kind != Object {
			continue
		}
		if t := m.Get("type"); t != nil && t.Kind == String {
			if first := seen[t.Str]; first != nil {
				c.atItem(m, Error, "module.type.duplicate", errModuleDup, Msg("%s 的类型 %s 与 %s 重复；每种组件最多一个。",
					"%s has the type %s, like %s; each module type may appear once.", name(m), literal(t), name(first)))
			} else {
				seen[t.Str] = m
			}
		}
		switch ns := m.Get("native_show"); {
		case ns == nil:
			if typeIs(m, "anti_fake") {
				c.atMissing(m, "native_show", Warning, "module.native_show.missing", 0, Msg("%s 没有 native_show；API 文档没有说明它的默认值，请写明 \"true\"（微信防伪弹窗）或 \"false\"（使用 anti_fake_url）。",
					"%s has no native_show; the API doc does not say what it defaults to, so write \"true\" (WeChat's anti-fake popup) or \"false\" (use anti_fake_url).", name(m)))
			}
		case ns.Kind == Bool:
			s := "false"
			if ns.Bool {
				s = "true"
			}
			f := c.atValue(ns, Warning, "module.native_show.boolean", 0, Msg("native_show 是布尔值 %s；API 文档要求字符串 \"true\" 或 \"false\"。",
				"native_show is the boolean %s; the API doc asks for the string \"true\" or \"false\".", s))
			f.fix = ValueFix(ns.Pointer(), s)
		}
		if u := m.Get("anti_fake_url"); u != nil && u.Kind == String && isBareHost(u.Str) {
			c.url(u, "module.anti_fake_url", 0, Warning)
		}
	}
}

// typeIs reports whether the object n has the string type typ.
func typeIs(n *Node, typ string) bool {
	t := n.Get("type")
	return t != nil && t.Kind == String && t.Str == typ
}
