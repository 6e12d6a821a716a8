with recursive org_chart as (
    select employee_id, manager_id, name, 0 as depth
    from employees
    where manager_id is null
    union all
    select e.employee_id, e.manager_id, e.name, oc.depth + 1
    from employees e
    join org_chart oc on e.manager_id = oc.employee_id
)
select * from org_chart order by depth, name
