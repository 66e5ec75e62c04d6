module scanpage

go 1.26

require (
	github.com/boombuler/barcode v1.1.0
	github.com/hack-pad/safejs v0.1.1
	github.com/xeipuuv/gojsonreference v0.0.0-20180127040603-bd5ef7bd5415
	github.com/xeipuuv/gojsonschema v1.2.0
)

require github.com/xeipuuv/gojsonpointer v0.0.0-20180127040702-4e3ac2762d5f // indirect

replace github.com/xeipuuv/gojsonschema => ./third_party/gojsonschema
