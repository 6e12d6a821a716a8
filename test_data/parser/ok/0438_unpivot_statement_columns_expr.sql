unpivot wide_metrics on columns(* exclude (id)) into name metric value val
