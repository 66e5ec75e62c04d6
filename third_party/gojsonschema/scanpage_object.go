package gojsonschema

import (
	"encoding/json"
	"reflect"
)

// scanpage: an Object is a JSON object as its members in the order written,
// for a caller that has parsed the document already and would otherwise
// build a map[string]interface{} for each object only to hand it over.
// Building those maps was about a tenth of validating a realistic
// document. An Object validates exactly as the map of its members does:
// the same errors, the same score. Its keys must be distinct (a map cannot
// hold two of one key either); Keys and Values have the same length, and
// neither is changed once the Object is given to the validator.
type Object struct {
	Keys   []string
	Values []interface{}
}

// Get returns the value of the member key.
func (o *Object) Get(key string) (interface{}, bool) {
	for i, k := range o.Keys {
		if k == key {
			return o.Values[i], true
		}
	}
	return nil, false
}

// MarshalJSON writes o as json.Marshal writes the map of its members (the
// enum and const checks compare values as JSON texts).
func (o *Object) MarshalJSON() ([]byte, error) {
	m := make(map[string]interface{}, len(o.Keys))
	for i, k := range o.Keys {
		m[k] = o.Values[i]
	}
	return json.Marshal(m)
}

// members is what validation reads of an object, a map or an Object.
type members interface {
	len() int
	get(key string) (interface{}, bool)
}

// forMembers calls f with each member of an object (in a map's order, or
// an Object's).
func forMembers(object members, f func(key string, value interface{})) {
	switch o := object.(type) {
	case mapMembers:
		for k, v := range o {
			f(k, v)
		}
	case *Object:
		for i, k := range o.Keys {
			f(k, o.Values[i])
		}
	}
}

type mapMembers map[string]interface{}

func (m mapMembers) len() int { return len(m) }

func (m mapMembers) get(key string) (interface{}, bool) {
	v, ok := m[key]
	return v, ok
}

func (o *Object) len() int { return len(o.Keys) }

func (o *Object) get(key string) (interface{}, bool) { return o.Get(key) }

// membersOf returns the members of an object value: a map (of any map type,
// converted as upstream does) or an Object.
func membersOf(node interface{}) (members, bool) {
	switch x := node.(type) {
	case map[string]interface{}:
		return mapMembers(x), true
	case *Object:
		return x, true
	}
	if isKind(node, reflect.Map) {
		return mapMembers(convertDocumentNode(node).(map[string]interface{})), true
	}
	return nil, false
}
