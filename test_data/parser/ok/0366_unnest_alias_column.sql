SELECT u.x FROM unnest([10, 20, 30]) AS u(x)
