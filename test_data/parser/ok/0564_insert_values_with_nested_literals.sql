insert into raw.events values
    (uuid(), '{"a": 1}', ['x', 'y'], {'ip': '1.2.3.4', 'ua': 'curl', 'geo': {'lat': 1.0, 'lon': 2.0}}, map {'clicks': 3})
