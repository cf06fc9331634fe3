enum HeraldServePlaceholder {}
