"placeholder"
