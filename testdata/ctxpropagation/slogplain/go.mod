module example.com/slogplain

go 1.26.0
