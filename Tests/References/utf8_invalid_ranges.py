# Python 3 (CPython 3.x, stdlib only): the start and end of the first invalid UTF-8
# sequence, as CPython's decoder reports it (the "maximal subpart" of Unicode §3.9).
# Pasted into Tests/DatasetsTests/TextEncodingTests.swift (invalidSequenceRanges).
cases = [b'M\xfcnchen', b'ab\xe2\x82x', b'\xed\xa0\x80', b'\xc0\x80', b'\xf4\x90\x80\x80',
         b'ok\xf0\x9f\x98', b'\xe2\x82\xac\xff']
for case in cases:
    try:
        case.decode('utf-8')
        print(case, 'valid')
    except UnicodeDecodeError as error:
        print(case, error.start, error.end)
