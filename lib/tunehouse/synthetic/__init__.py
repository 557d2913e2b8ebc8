"""The synthetic log generator: messy travel-agency support chats with planted PII, duplicates and garbage,
and a truth file saying what was planted. Test and demo data only; nothing here feeds detection."""
